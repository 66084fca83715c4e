import KithCore

/// The problems and warnings of an import, at most `perFile` lines for each file and then
/// one line counting the rest: a file of 10,000 nested cards once printed 9,999 lines,
/// which hid every other file's. A line belongs to the file it starts with (`file:12: …`
/// or `file: …`); lines of one file stay together, files in the order they first come.
enum FileProblems {
    static let perFile = 20

    static func capped(_ lines: [String], files: [String], perFile: Int = perFile) -> [String] {
        let names = FileNames(files)
        var order: [String?] = []
        var shown: [String?: [String]] = [:]
        var more: [String: Int] = [:]
        for line in lines {
            let file = names.file(of: line)
            if shown[file] == nil { order.append(file); shown[file] = [] }
            if let file, shown[file]!.count >= perFile { more[file, default: 0] += 1 } else { shown[file]!.append(line) }
        }
        return order.flatMap { file -> [String] in
            guard let file, let n = more[file] else { return shown[file]! }
            return shown[file]! + ["\(file): … and \(Numerals.grouped(n)) more problems like these"]
        }
    }
}

/// Which of the files read a message is about.
struct FileNames {
    let files: Set<String>
    /// The lengths of their names in bytes: only a colon that far in can end one.
    let lengths: Set<Int>

    init(_ files: [String]) {
        self.files = Set(files)
        lengths = Set(files.map(\.utf8.count))
    }

    /// The longest of the files that `line` starts with, followed by a colon.
    func file(of line: String) -> String? {
        let longest = lengths.max() ?? 0
        var found: String? = nil
        var offset = 0
        for i in line.utf8.indices {
            if offset > longest { break }
            if line.utf8[i] == UInt8(ascii: ":"), lengths.contains(offset) {
                let name = String(line[..<i])
                if files.contains(name) { found = name }
            }
            offset += 1
        }
        return found
    }
}
