/// A JSON value with keys kept in the order written, so that `--json` output has one
/// stable, documented shape (and diffs cleanly between runs).
public indirect enum JSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// A fraction, written with at most two decimals (0.75, 1.2, -0.5).
    case number(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool { a.render() == b.render() }

    public static func optional(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
    public static func optional(_ n: Int?) -> JSON { n.map(JSON.int) ?? .null }

    /// Pretty-printed with two-space indentation; non-ASCII text written as is (UTF-8),
    /// control characters escaped.
    public func render(indent: Int = 0) -> String {
        var out = ""
        write(to: &out, indent: indent, pretty: true)
        return out
    }

    public func renderCompact() -> String {
        var out = ""
        write(to: &out, indent: 0, pretty: false)
        return out
    }

    private func write(to out: inout String, indent: Int, pretty: Bool) {
        let nl = pretty ? "\n" : ""
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closePad = pretty ? String(repeating: "  ", count: indent) : ""
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n): out += String(n)
        case .number(let d):
            let hundredths = Int((d * 100).rounded())
            let sign = hundredths < 0 ? "-" : ""
            let a = abs(hundredths)
            out += "\(sign)\(a / 100)"
            if a % 100 != 0 { out += "." + (a % 100 < 10 ? "0" : "") + String(a % 100 % 10 == 0 ? a % 100 / 10 : a % 100) }
        case .string(let s): JSON.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[" + nl
            for (i, item) in items.enumerated() {
                out += pad
                item.write(to: &out, indent: indent + 1, pretty: pretty)
                out += (i < items.count - 1 ? "," : "") + nl
            }
            out += closePad + "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{" + nl
            for (i, (key, value)) in fields.enumerated() {
                out += pad
                JSON.quote(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(to: &out, indent: indent + 1, pretty: pretty)
                out += (i < fields.count - 1 ? "," : "") + nl
            }
            out += closePad + "}"
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // Controls, DEL and C1 are escaped so that JSON piped to a terminal stays inert.
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || TerminalText.isUnsafe(u) {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
