import KithCore

/// Renders the whole frame from state: the one entry point the backend calls.
public enum Screen {
    public static func render(_ state: AppState, keymap: Keymap = .standard) -> Grid {
        var grid = Grid(width: state.width, height: state.height)
        let layout = state.layout
        if layout.tooSmall {
            TooSmallView.draw(into: &grid, state: state)
            return grid
        }
        HeaderView.draw(into: &grid, state: state, area: layout.header)
        if state.showToday {
            TodayView.draw(into: &grid, state: state, area: layout.roster)
        } else {
            RosterView.draw(into: &grid, state: state, area: layout.roster)
        }
        TimelineView.draw(into: &grid, state: state, area: layout.timeline)
        HintBarView.draw(into: &grid, state: state, area: layout.hints, keymap: keymap)
        switch state.modal {
        case .help(let scroll)?: HelpView.draw(into: &grid, scroll: scroll, keymap: keymap, rules: state.rules)
        case .moment(let m, let scroll)?: MomentView.draw(into: &grid, moment: m, scroll: scroll, state: state)
        case .confirmDelete(let m)?: ConfirmView.draw(into: &grid, moment: m, state: state)
        case .confirmArchive(let e)?: ConfirmView.draw(into: &grid, archiving: e)
        case .confirmRemoveGroup(let e)?: ConfirmView.draw(into: &grid, removing: e, state: state)
        case .insights(let page)?: InsightsView.draw(into: &grid, page: page, state: state)
        case .checkIn(let form)?: CheckInView.draw(into: &grid, form: form, state: state)
        case .person(let form)?: PersonFormView.draw(into: &grid, form: form, state: state)
        case .group(let form)?: GroupFormView.draw(into: &grid, form: form, state: state)
        case .filter(let form)?: FilterFormView.draw(into: &grid, form: form, state: state)
        case .selfCheckin(let form)?: SelfCheckinView.draw(into: &grid, form: form, state: state)
        case nil: break
        }
        grid.normalize()
        return grid
    }

    /// A centred box for overlays, as large as asked and no larger than the screen.
    /// When it would leave a sliver of a column or two at the sides, it takes the full
    /// width instead, so its frame never stands beside a pane's frame.
    static func centred(width: Int, height: Int, in grid: Grid) -> Rect {
        var w = min(width, grid.width - 2)
        if grid.width - w <= 4 { w = grid.width }
        let h = min(height, grid.height - 2)
        return Rect(x: (grid.width - w) / 2, y: (grid.height - h) / 2, width: w, height: h)
    }
}

extension Moment {
    /// Names of who was there, or the group and them.
    func who(_ state: AppState) -> String {
        let names = people.map { state.personNames[$0] ?? "#\($0)" }.joined(separator: ", ")
        if let g = groupID.flatMap({ state.groupNames[$0] }) { return names.isEmpty ? g : "\(g): \(names)" }
        return names
    }
}

enum Words {
    static func reachedOut(_ i: Initiator) -> String {
        switch i {
        case .me: "I reached out"
        case .them: "they reached out"
        case .mutual: "mutual"
        }
    }

    static func chip(_ tag: EmotionTag) -> String { tag.intensity > 1 ? "\(tag.word):\(tag.intensity)" : tag.word }

    /// Colour role and, for themes without colour, the attribute that tells valence. A
    /// stored word the catalog no longer has (dropped from the config) is shown plain:
    /// its valence is not known, and guessing one would colour it wrongly half the time.
    static func chipStyle(_ tag: EmotionTag, _ catalog: EmotionCatalog) -> (Role, Attr) {
        switch catalog.emotion(tag.word)?.valence {
        case .pleasant: (.emotionPleasant, .bold)
        case .unpleasant: (.emotionUnpleasant, .underline)
        case nil: (.text, [])
        }
    }

    static func daysAgo(_ last: Day?, today: Day) -> String {
        guard let last else { return "—" }
        // A moment dated tomorrow (logged where it already was) was today.
        let n = max(0, today.days(since: last))
        if n < 100 { return "\(n)d" }
        if n < 7 * 100 { return "\(n / 7)w" }
        return "\(n / 365)y"
    }

    static let sparks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func sparkline(_ counts: [Int]) -> String {
        let top = max(1, counts.max() ?? 1)
        return String(counts.map { n in n == 0 ? "·" : sparks[max(1, (n * 8 + top - 1) / top)] })
    }
}
