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
                    if head.isEmpty { out.append(line); line = ""; lineWidth = 0; continue }
                    out.append(line.isEmpty ? head : line + " " + head)
                    line = ""
                    lineWidth = 0
                    w = String(w.dropFirst(head.count))
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
