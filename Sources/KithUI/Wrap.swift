import KithCore

enum Wrap {
    /// Word-wraps `text` to `width` cells (by display width); words longer than a line
    /// are cut. Keeps the text's own line breaks.
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var w = String(word)
                var ww = TerminalText.width(w)
                if lineWidth > 0 && lineWidth + 1 + ww > width {
                    out.append(line)
                    line = ""
                    lineWidth = 0
                }
                while ww > width {
                    // A word wider than the line: cut it by cells.
                    var head = "", hw = 0
                    for ch in w {
                        let cw = TerminalText.width(of: ch)
                        if hw + cw > width - lineWidth - (lineWidth > 0 ? 1 : 0) { break }
                        head.append(ch)
                        hw += cw
                    }
                    if head.isEmpty && lineWidth > 0 { out.append(line); line = ""; lineWidth = 0; continue }
                    // One character wider than a whole line (a wide one in a column of
                    // one): it gets a line of its own, and the cell cuts it; before, this
                    // looped for ever.
                    if head.isEmpty, let first = w.first { head = String(first); hw = TerminalText.width(of: first) }
                    let rest = String(w.dropFirst(head.count))
                    if rest.isEmpty {
                        // The last piece stays the current line: what follows may join it.
                        if lineWidth > 0 { out.append(line) }
                        w = head
                        ww = hw
                        line = ""
                        lineWidth = 0
                        break
                    }
                    out.append(line.isEmpty ? head : line + " " + head)
                    line = ""
                    lineWidth = 0
                    w = rest
                    ww = TerminalText.width(w)
                }
                line += (lineWidth > 0 ? " " : "") + w
                lineWidth += (lineWidth > 0 ? 1 : 0) + ww
            }
            out.append(line)
        }
        return out
    }
}

extension Grid {
    /// A message in at most `maxLines` lines of `width` cells, its last line on row
    /// `bottom`, growing upward over what is there: an error whose end says what to do
    /// is never cut to one line. The rows it takes are cleared first (with `fill`).
    mutating func putMessage(_ text: String, x: Int, bottom: Int, width: Int, maxLines: Int = 3,
                             role: Role, attrs: Attr = [], fill: Role? = nil) {
        guard width > 0, maxLines > 0 else { return }
        var lines = Wrap.lines(text, width: width)
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = TerminalText.truncate(lines[maxLines - 1] + " …", to: width)
        }
        for (i, line) in lines.enumerated() {
            let y = bottom - (lines.count - 1 - i)
            guard y >= 0, y < height else { continue }
            if let fill { self.fill(Rect(x: x, y: y, width: width, height: 1), role: fill) }
            put(line, x: x, y: y, role: role, attrs: attrs, limit: width)
        }
    }
}
