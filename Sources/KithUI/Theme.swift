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
/// Themes are read from TOML files (KithSettings); monochrome is also built in here,
/// for terminals without colour.
public struct Theme: Sendable {
    public let name: String
    public let styles: [Role: Style]
    /// Whether the theme uses colour at all (a monochrome theme relies on attributes).
    public let usesColor: Bool

    public init(name: String, styles: [Role: Style], usesColor: Bool = true) {
        self.name = name
        var styles = styles
        // A header part a theme does not style is its role's colour on the header's bar:
        // drawn in the role's own style, the bar broke at a birthday (the terminal's
        // background, or no reverse in monochrome, in the middle of the header).
        let header = styles[.header] ?? styles[.text] ?? Style()
        for role in Role.allCases where styles[role] == nil {
            guard let part = role.headerPartOf else { continue }
            let own = styles[part] ?? styles[.text] ?? Style()
            styles[role] = Style(fg: own.fg == .terminalDefault ? header.fg : own.fg,
                                 bg: own.bg == .terminalDefault ? header.bg : own.bg,
                                 attrs: own.bg == .terminalDefault ? header.attrs.union(own.attrs) : own.attrs)
        }
        self.styles = styles
        self.usesColor = usesColor
    }

    public func style(_ role: Role) -> Style { styles[role] ?? styles[.text] ?? Style() }

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

/// Maps xterm-256 indexes down for terminals with fewer colours.
public enum Palette {
    public static func downsample(_ index: Int, to colors: Int) -> Int {
        if colors >= 256 || index < colors { return index }
        let (r, g, b) = rgb(index)
        // Nearest of the 16 (or 8) basic colours by plain distance.
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        let n = min(colors, 16)
        var best = 0, bestD = Int.max
        for i in 0..<n {
            let (br, bg, bb) = basic[i]
            let d = (r - br) * (r - br) + (g - bg) * (g - bg) + (b - bb) * (b - bb)
            if d < bestD { bestD = d; best = i }
        }
        return best
    }

    /// The xterm-256 index nearest to an RGB colour (for "#rrggbb" in theme files).
    public static func nearest(r: Int, g: Int, b: Int) -> Int {
        var best = 0, bestD = Int.max
        for i in 16..<256 {
            let (cr, cg, cb) = rgb(i)
            let d = (r - cr) * (r - cr) + (g - cg) * (g - cg) + (b - cb) * (b - cb)
            if d < bestD { bestD = d; best = i }
        }
        return best
    }

    static func rgb(_ i: Int) -> (Int, Int, Int) {
        if i < 16 {
            let table = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
                         (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
            return table[i]
        }
        if i >= 232 { let v = 8 + (i - 232) * 10; return (v, v, v) }
        let c = i - 16
        let steps = [0, 95, 135, 175, 215, 255]
        return (steps[c / 36], steps[(c / 6) % 6], steps[c % 6])
    }
}
