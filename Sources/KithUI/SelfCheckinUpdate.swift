import KithCore

/// Keys while the daily self check-in is open.
enum SelfCheckinUpdate {
    static func handle(_ key: Key, _ action: Action?, _ state: inout AppState) -> [Effect] {
        guard var form = state.selfForm else { return [] }
        defer { if state.selfForm != nil { state.selfForm = form } }
        form.error = nil
        if form.picker != nil {
            if let chosen = FormUpdate.pickerKey(key, action, &form.picker, state) { form.emotions = chosen }
            return []
        }
        guard !form.saving else { return [] }
        switch form.step {
        case .closeness:
            switch action {
            case .choiceNext: form.closeness = min(7, form.closeness + 1)
            case .choicePrevious: form.closeness = max(1, form.closeness - 1)
            case .level:
                if case .char(let c) = key, let n = c.wholeNumberValue, (1...7).contains(n) { form.closeness = n }
            case .pickEmotions: form.picker = PickerState(chosen: form.emotions, catalog: state.emotions)
            case .save, .open:
                if form.askLoneliness { form.step = .loneliness(0) } else { return save(&form, loneliness: false) }
            case .back:
                state.selfForm = nil
                if form.revising {
                    state.message = "Kept today's answer."
                    return []
                }
                state.message = "Not today. `kith checkin --self 1-7` or C any time."
                return [.skipSelfCheckin]
            default: break
            }
        case .loneliness(let i):
            switch action {
            case .choiceNext: form.answers[i] = Loneliness.Answer(rawValue: min(3, form.answers[i].rawValue + 1))!
            case .choicePrevious: form.answers[i] = Loneliness.Answer(rawValue: max(1, form.answers[i].rawValue - 1))!
            case .level:
                if case .char(let c) = key, let n = c.wholeNumberValue, let a = Loneliness.Answer(rawValue: n) { form.answers[i] = a }
            case .save, .open:
                if i < 2 { form.step = .loneliness(i + 1) } else { return save(&form, loneliness: true) }
            case .back:
                // The questions are optional: leaving them keeps the first answer.
                return save(&form, loneliness: false)
            default: break
            }
        }
        return []
    }

    static func save(_ form: inout SelfCheckinForm, loneliness: Bool) -> [Effect] {
        form.saving = true
        return [.saveSelfCheckin(form.checkin(withLoneliness: loneliness))]
    }
}
