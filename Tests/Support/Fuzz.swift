import Foundation
import KithDemo

/// Random inputs for the readers' fuzz tests, from a fixed seed so that a failure can be
/// replayed. `KITH_FUZZ_ITERATIONS` sets how many inputs each reader gets (CI keeps the
/// default; `KITH_FUZZ_ITERATIONS=100000 swift test --filter Fuzz` runs long), and
/// `KITH_FUZZ_SEED` another schedule.
public struct Fuzz: RandomNumberGenerator {
    private var source: SplitMix64

    public init(seed: UInt64 = UInt64(ProcessInfo.processInfo.environment["KITH_FUZZ_SEED"] ?? "") ?? 0x6B69_7468) {
        source = SplitMix64(seed: seed)
    }

    public static var iterations: Int {
        Int(ProcessInfo.processInfo.environment["KITH_FUZZ_ITERATIONS"] ?? "") ?? 400
    }

    /// The demo world's generator: small, fast, and the same seed gives the same inputs.
    public mutating func next() -> UInt64 { source.next() }

    /// Pieces that readers treat specially, and pieces that break terminals and parsers.
    static let tokens: [[UInt8]] = [
        "\r\n", "\n", "\r", "\r\n ", ":", ";", "=", ",", "\\", "\\n", "\"", "'", "{", "}", "[", "]", "#",
        "BEGIN:VCARD", "END:VCARD", "VERSION:2.1", "VERSION:3.0", "VERSION:4.0", "FN:", "N:", "UID:", "BDAY:",
        "NOTE;ENCODING=QUOTED-PRINTABLE:", "=C3=A9", "=\r\n", "CHARSET=UTF-16", "ITEM1.", "CATEGORIES:",
        "\u{1B}[31m", "\u{1B}]0;pwned\u{07}", "\u{9B}", "\u{202E}", "\u{0}", "\u{7F}", "Zoë", "山田太郎", "👨‍👩‍👧",
        "2026-02-30", "--0229", "1604-", "T", "Z", "-", "+", "999999999999999999999", "1e400", "-0", "true", "null",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF]]

    /// Arbitrary bytes, biased towards the special pieces.
    public mutating func bytes(maxLength: Int = 400) -> [UInt8] {
        var out: [UInt8] = []
        let target = Int.random(in: 0...maxLength, using: &self)
        while out.count < target {
            if Bool.random(using: &self) {
                out += Fuzz.tokens.randomElement(using: &self)!
            } else {
                out.append(UInt8.random(in: 0...255, using: &self))
            }
        }
        return out
    }

    /// `sample` with a few random edits: bytes flipped, pieces inserted, cut or repeated.
    public mutating func mutate(_ sample: [UInt8]) -> [UInt8] {
        var out = sample
        for _ in 0..<Int.random(in: 1...8, using: &self) {
            let at = out.isEmpty ? 0 : Int.random(in: 0..<out.count, using: &self)
            switch Int.random(in: 0..<5, using: &self) {
            case 0 where !out.isEmpty: out[at] ^= UInt8.random(in: 1...255, using: &self)
            case 1: out.insert(contentsOf: Fuzz.tokens.randomElement(using: &self)!, at: at)
            case 2 where !out.isEmpty: out.removeSubrange(at..<min(out.count, at + Int.random(in: 1...40, using: &self)))
            case 3 where !out.isEmpty:
                let end = min(out.count, at + Int.random(in: 1...60, using: &self))
                out.insert(contentsOf: out[at..<end], at: at)
            default: out.insert(contentsOf: bytes(maxLength: 30), at: at)
            }
        }
        return out
    }

    /// Text (valid UTF-8, possibly hostile) of up to `maxLength` bytes' worth.
    public mutating func text(maxLength: Int = 80) -> String {
        String(decoding: bytes(maxLength: maxLength), as: UTF8.self)
    }
}
