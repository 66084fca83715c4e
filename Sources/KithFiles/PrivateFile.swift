#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files kith writes for the user (exports, backups, copies): private, whole or absent,
/// and never reached through a link someone planted.
///
/// A file is written under a temporary name nobody can guess (the process id and random
/// bytes), created with `O_EXCL | O_NOFOLLOW` so that a symlink or a file already there is
/// never written through, then synced and renamed over the target. A target that exists
/// and is not a regular file (a symlink, a device, a FIFO, a folder) is refused: renaming
/// over a symlink would silently turn the user's link into a file, and writing through it
/// would change a file the user never named.
public enum PrivateFile {
    /// Why a file could not be written: one line, naming the path.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public let path: String
        public let why: String
        public var description: String { "cannot write \(path): \(why)" }
        public init(_ path: String, _ why: String) { self.path = path; self.why = why }
    }

    /// Writes `bytes` to `path` as a new 0600 file, replacing a regular file there.
    /// `durable: false` leaves syncing the file and its folder to the caller, who writes
    /// many files and syncs them once (the sync folder's first write is 100,000 files).
    public static func write(_ bytes: some Collection<UInt8>, to path: String, durable: Bool = true) throws(Failure) {
        let w = try Writer(replacing: path)
        w.durable = durable
        do {
            try w.append(bytes)
            try w.commit()
        } catch {
            w.abandon()
            throw error
        }
    }

    /// A file written in pieces (a large export) that appears at its path only when
    /// `commit` succeeds; until then it lives under a temporary name beside it.
    public final class Writer {
        public let path: String
        public let temporary: String
        private var fd: Int32
        private var buffer: [UInt8] = []
        /// Whether `commit` syncs the file and its folder to disk.
        public var durable = true

        public init(replacing path: String) throws(Failure) {
            try PrivateFile.checkReplaceable(path)
            self.path = path
            var made: (String, Int32)?
            // A name that is taken (by chance, or planted) is never reused: try another.
            for _ in 0..<16 {
                let name = PrivateFile.temporaryName(beside: path)
                let fd = PrivateFile.createExclusive(name)
                if fd >= 0 { made = (name, fd); break }
                if errno != EEXIST && errno != ELOOP { throw Failure(path, PrivateFile.reason(errno)) }
            }
            guard let (name, fd) = made else { throw Failure(path, "no free temporary name beside it") }
            self.temporary = name
            self.fd = fd
        }

        deinit { if fd >= 0 { abandon() } }

        public func append(_ bytes: some Collection<UInt8>) throws(Failure) {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 { try flush() }
        }

        public func append(_ text: String) throws(Failure) {
            try append(text.utf8)
        }

        private func flush() throws(Failure) {
            guard !buffer.isEmpty else { return }
            defer { buffer.removeAll(keepingCapacity: true) }
            if !PrivateFile.writeAll(fd, buffer) { throw Failure(path, PrivateFile.reason(errno)) }
        }

        /// Flushes, syncs, and renames the file into place (the folder synced after).
        public func commit() throws(Failure) {
            try flush()
            guard !durable || fsync(fd) == 0 else { throw Failure(path, PrivateFile.reason(errno)) }
            close(fd)
            fd = -1
            // Checked again at the last moment: something may have appeared meanwhile.
            do { try PrivateFile.checkReplaceable(path) } catch { unlink(temporary); throw error }
            guard rename(temporary, path) == 0 else {
                let why = PrivateFile.reason(errno)
                unlink(temporary)
                throw Failure(path, why)
            }
            if durable { PrivateFile.syncDirectory(of: path) }
        }

        /// Removes the temporary file; the target is as it was.
        public func abandon() {
            if fd >= 0 { close(fd); fd = -1 }
            unlink(temporary)
        }
    }

    /// Refuses a target that exists and is not a regular file. Never follows a link.
    public static func checkReplaceable(_ path: String) throws(Failure) {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            if errno == ENOENT { return }
            throw Failure(path, reason(errno))
        }
        if let kind = notRegular(st.st_mode) { throw Failure(path, "it is \(kind), not a regular file") }
    }

    /// What a file that is not a regular file is, in words; nil for a regular file.
    public static func notRegular(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFLNK: return "a symbolic link"
        case S_IFDIR: return "a directory"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    /// Opens a new file: 0600, failing if anything (a link included) is at `path`.
    public static func createExclusive(_ path: String) -> Int32 {
        let fd = open(path, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, 0o600)
        if fd >= 0 { fchmod(fd, 0o600) }
        return fd
    }

    /// The marker in every temporary name kith makes: `.NAME.kith-PID-RANDOM.tmp` beside
    /// the target, so that a later kith can tell its own leftovers and whether the
    /// process that made one is gone.
    static let marker = ".kith-"

    /// A name beside `path` that another user cannot predict.
    public static func temporaryName(beside path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        // The system generator reads the kernel's random source (getrandom).
        var system = SystemRandomNumberGenerator()
        let hex = String(system.next() as UInt64, radix: 16)
        return dir + "." + base + marker + "\(getpid())-" + hex + ".tmp"
    }

    /// Whether `name` (a file name, not a path) is a temporary file of a kith process
    /// that no longer runs: safe to remove. Anything else, including a live process's
    /// file, is left alone.
    public static func isStaleLeftover(_ name: String) -> Bool {
        guard name.hasPrefix("."), let parts = name.components(marker), parts.count >= 2 else { return false }
        var rest = Substring(parts.last!)
        for suffix in ["-journal", "-wal", "-shm"] where rest.hasSuffix(suffix) { rest = rest.dropLast(suffix.count) }
        guard rest.hasSuffix(".tmp") else { return false }
        let fields = rest.dropLast(4).split(separator: "-")
        guard fields.count == 2, let pid = Int32(fields[0]), pid > 0 else { return false }
        return !isRunning(pid)
    }

    /// Whether a process with this id exists (EPERM: it does, and is someone else's).
    public static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Syncs the folder holding `path`, so that a rename survives a power cut.
    public static func syncDirectory(of path: String) {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { p in
            var off = 0
            while off < p.count {
                let n = Glibc.write(fd, p.baseAddress! + off, p.count - off)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { if n == 0 { errno = EIO }; return false }
                off += n
            }
            return true
        }
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

private extension String {
    /// The pieces between occurrences of `separator` (nil when it does not occur).
    func components(_ separator: String) -> [String]? {
        let pieces = self.split(separator: separator, omittingEmptySubsequences: false)
        return pieces.count > 1 ? pieces.map(String.init) : nil
    }
}
