import KithCore

public enum FilterField: Int, CaseIterable, Sendable {
    case text, emotions, kinds, channels, since, until, apply

    var label: String {
        switch self {
        case .text: "note has"
        case .emotions: "felt"
        case .kinds: "kind"
        case .channels: "via"
        case .since: "since"
        case .until: "until"
        case .apply: ""
        }
    }

    var isText: Bool { self == .text || self == .since || self == .until }
}

/// Narrowing the timeline: the same filters as `kith history`.
public struct FilterForm: Equatable, Sendable {
    public var field: FilterField = .text
    public var text: TextBuffer
    public var emotions: [EmotionTag]
    public var kinds: [MomentKind]
    public var kindCursor = 0
    public var channels: [Channel]
    public var channelCursor = 0
    public var since: TextBuffer
    public var until: TextBuffer
    public var picker: PickerState?
    public var error: String?

    public init(_ f: TimelineFilter) {
        text = TextBuffer(f.text)
        emotions = f.emotions
        kinds = f.kinds
        channels = f.channels
        since = TextBuffer(f.since?.iso ?? "")
        until = TextBuffer(f.until?.iso ?? "")
    }

    public func filter(today: Day) -> Result<TimelineFilter, InputError> {
        do {
            var f = TimelineFilter()
            f.text = text.text.trimmingSpaces
            f.emotions = emotions
            f.kinds = kinds
            f.channels = channels
            f.since = since.text.trimmingSpaces.isEmpty ? nil : try Parse.day(since.text, today: today)
            f.until = until.text.trimmingSpaces.isEmpty ? nil : try Parse.day(until.text, today: today)
            if let s = f.since, let u = f.until, s > u { throw InputError("since \(s.iso) is after until \(u.iso)") }
            return .success(f)
        } catch let e as InputError {
            return .failure(e)
        } catch {
            return .failure(InputError(String(describing: error)))
        }
    }
}

enum FilterFormUpdate {
    static func handle(_ key: Key, _ action: Action?, _ state: inout AppState) -> [Effect] {
        guard var form = state.filterForm else { return [] }
        defer { if state.filterForm != nil { state.filterForm = form } }
        form.error = nil
        if form.picker != nil {
            if let chosen = FormUpdate.pickerKey(key, action, &form.picker, state) { form.emotions = chosen }
            return []
        }
        func step(_ d: Int) { form.field = stepped(form.field, in: FilterField.allCases, by: d) }
        switch action {
        case .save: return apply(&form, &state)
        case .back: state.filterForm = nil
        case .nextField: step(1)
        case .previousField: step(-1)
        case .choiceNext, .choicePrevious:
            let d = action == .choiceNext ? 1 : -1
            if form.field == .kinds { form.kindCursor = max(0, min(MomentKind.allCases.count - 1, form.kindCursor + d)) }
            if form.field == .channels { form.channelCursor = max(0, min(Channel.allCases.count - 1, form.channelCursor + d)) }
        case .toggle:
            if form.field == .kinds { form.kinds.toggle(MomentKind.allCases[form.kindCursor]) }
            if form.field == .channels { form.channels.toggle(Channel.allCases[form.channelCursor]) }
        case .open:
            switch form.field {
            case .emotions: form.picker = PickerState(chosen: form.emotions, catalog: state.emotions)
            case .apply: return apply(&form, &state)
            default: step(1)
            }
        case .redraw: return [.redraw]
        case nil:
            if key == .enter { return form.field == .text || form.field == .until ? apply(&form, &state) : { step(1); return [] }() }
            switch form.field {
            case .text: FormUpdate.editBuffer(key, &form.text)
            case .since: FormUpdate.editBuffer(key, &form.since)
            case .until: FormUpdate.editBuffer(key, &form.until)
            default: break
            }
        default: break
        }
        return []
    }

    static func apply(_ form: inout FilterForm, _ state: inout AppState) -> [Effect] {
        switch form.filter(today: state.today) {
        case .failure(let e):
            form.error = e.message
            return []
        case .success(let f):
            state.filterForm = nil
            state.filter = f
            state.message = f.isEmpty ? "Showing every moment." : "Showing moments: \(f.summary). F clears."
            return Update.followSelection(&state, force: true)
        }
    }
}
