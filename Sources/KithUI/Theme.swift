/// A terminal colour: the terminal's own default, or an xterm-256 index.
public enum Color: Hashable, Sendable {
    case terminalDefault
    case index(Int)
}

/// How one role looks.
public struct Style: Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var attrs: Attr
    public init(fg: Color = .terminalDefault, bg: Color = .terminalDefault, attrs: Attr = []) {
        self.fg = fg
        self.bg = bg
        self.attrs = attrs
    }
}

/// Semantic roles mapped to styles, after htop and helix: views never name a colour.
public struct Theme: Sendable {
    public let name: String
    public let styles: [Role: Style]
    /// Whether the theme uses colour at all (a monochrome theme relies on attributes).
    public let usesColor: Bool

    public init(name: String, styles: [Role: Style], usesColor: Bool = true) {
        self.name = name
        self.styles = styles
        self.usesColor = usesColor
    }

    public func style(_ role: Role) -> Style { styles[role] ?? styles[.text] ?? Style() }

    /// The built-in dark theme, used when no theme file is chosen or one fails to load.
    public static let dark = Theme(name: "dark", styles: [
        .text: Style(),
        .muted: Style(fg: .index(245)),
        .border: Style(fg: .index(240)),
        .borderFocused: Style(fg: .index(75), attrs: .bold),
        .selection: Style(fg: .index(231), bg: .index(24), attrs: .bold),
        .selectionInactive: Style(bg: .index(236)),
        .title: Style(fg: .index(180), attrs: .bold),
        .header: Style(fg: .index(252), bg: .index(235)),
        .statusbar: Style(fg: .index(250), bg: .index(235)),
        .keyhintKey: Style(fg: .index(75), bg: .index(235), attrs: .bold),
        .keyhintDesc: Style(fg: .index(250), bg: .index(235)),
        .error: Style(fg: .index(203), bg: .index(235), attrs: .bold),
        .emotionPleasant: Style(fg: .index(114)),
        .emotionUnpleasant: Style(fg: .index(176)),
        .overdue: Style(fg: .index(203), bg: .index(235), attrs: .bold),
        .due: Style(fg: .index(221), bg: .index(235), attrs: .bold),
        .accent: Style(fg: .index(110)),
    ])

    /// Bold, reverse and underline only: for NO_COLOR and terminals without colour.
    public static let monochrome = Theme(name: "monochrome", styles: [
        .text: Style(),
        .muted: Style(attrs: .dim),
        .border: Style(),
        .borderFocused: Style(attrs: .bold),
        .selection: Style(attrs: .reverse),
        .selectionInactive: Style(attrs: .underline),
        .title: Style(attrs: .bold),
        .header: Style(attrs: .reverse),
        .statusbar: Style(attrs: .reverse),
        .keyhintKey: Style(attrs: [.reverse, .bold]),
        .keyhintDesc: Style(attrs: .reverse),
        .error: Style(attrs: [.reverse, .bold]),
        .emotionPleasant: Style(attrs: .bold),
        .emotionUnpleasant: Style(attrs: .underline),
        .overdue: Style(attrs: [.reverse, .bold]),
        .due: Style(attrs: [.reverse, .bold]),
        .accent: Style(),
    ], usesColor: false)
}
