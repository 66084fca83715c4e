import Foundation
import KithFiles

/// Where the store lives, and the file-system care it needs: a 0700 directory and a
/// 0600 file, created before SQLite ever touches them so that no journal or WAL file
/// is briefly readable by others.
public enum StoreLocation {
    public static let fileName = "kith.sqlite"

    /// `--store PATH`, else `KITH_STORE`, else `$XDG_DATA_HOME/kith/kith.sqlite`, else
    /// `~/.local/share/kith/kith.sqlite`. A relative XDG_DATA_HOME is ignored, as the
    /// XDG spec says.
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        // Blank is unset: KITH_STORE=" " must not make a store named " ".
        if let p = explicit, !p.trimmingCharacters(in: .whitespaces).isEmpty { return absolute(p) }
        if let p = environment["KITH_STORE"], !p.trimmingCharacters(in: .whitespaces).isEmpty { return absolute(p) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return xdg + "/kith/" + fileName
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/"
        return home + "/.local/share/kith/" + fileName
    }

    /// A path as the user typed it (relative, or starting with ~), made absolute.
    public static func absolutePath(_ p: String) -> String { absolute(p) }

    static func absolute(_ p: String) -> String {
        if p.hasPrefix("/") { return p }
        if p == "~" || p.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            return home + p.dropFirst()
        }
        return FileManager.default.currentDirectoryPath + "/" + p
    }

    /// True when nothing exists at `path` yet (and its directory could hold it): the
    /// store would be created by the first write.
    public static func isAbsent(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) != 0 && errno == ENOENT
    }

    /// Refuses a store path that holds something other than a regular file (followed
    /// through links): a device, a FIFO or a folder is never opened as a database, so
    /// `--store /dev/null` leaves nothing behind and gets one true line.
    static func checkKind(_ path: String) throws(StoreError) {
        var st = stat()
        guard stat(path, &st) == 0, let kind = PrivateFile.notRegular(st.st_mode) else { return }
        throw .cannotOpen(path, "it is \(kind), not a store file")
    }

    /// Whether this process may create files in the folder holding `path`.
    static func folderIsWritable(_ path: String) -> Bool {
        let dir = (path as NSString).deletingLastPathComponent
        return access(dir.isEmpty ? "." : dir, W_OK) == 0
    }

    /// An SQLite URI opening `path` as immutable: read without the WAL's shared memory.
    static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
    }

    /// Makes sure the directory exists (created 0700) and the file exists (created
    /// 0600). Returns whether the file was created now.
    static func prepare(path: String) throws(StoreError) -> Bool {
        var st = stat()
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw .cannotOpen(path, "it is a directory") }
            mendSharedMemoryFile(of: path, storeMode: st.st_mode)
            return false
        }
        let dir = (path as NSString).deletingLastPathComponent
        try makeDirectory(dir.isEmpty ? "." : dir)
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if fd < 0 {
            let e = errno
            if e == EEXIST { return false }
            throw .cannotCreate(path, String(cString: strerror(e)))
        }
        fchmod(fd, 0o600)
        close(fd)
        return true
    }

    /// SQLite creates the -shm file with the store's mode. One made while the store was
    /// read-only (chmod 400) stays so after the store is writable again, and every
    /// write then fails as "read-only". When the store is the user's and writable, its
    /// -shm gets the store's 0600.
    static func mendSharedMemoryFile(of path: String, storeMode: mode_t) {
        var st = stat()
        let shm = path + "-shm"
        guard storeMode & 0o200 != 0, stat(shm, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG,
              st.st_uid == getuid(), st.st_mode & 0o600 != 0o600 else { return }
        chmod(shm, 0o600)
    }

    /// A regular file of 0 bytes with no WAL content beside it.
    static func isEmptyFile(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size == 0 else { return false }
        return stat(path + "-wal", &st) != 0 || st.st_size == 0
    }

    static func makeDirectory(_ dir: String) throws(StoreError) {
        var st = stat()
        if stat(dir, &st) == 0 {
            if (st.st_mode & S_IFMT) != S_IFDIR { throw .cannotCreate(dir, "it is not a directory") }
            return
        }
        let parent = (dir as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != dir { try makeDirectory(parent) }
        if mkdir(dir, 0o700) != 0 && errno != EEXIST {
            throw .cannotCreate(dir, String(cString: strerror(errno)))
        }
    }

    /// A one-line warning when the store, its WAL files or its directory are open to
    /// others, or nil.
    static func permissionWarning(path: String) -> String? {
        var loose: [String] = []
        var st = stat()
        for file in [path, path + "-wal", path + "-shm"] where stat(file, &st) == 0 && st.st_mode & 0o077 != 0 {
            loose.append("chmod 600 '\(file)'")
        }
        let dir = (path as NSString).deletingLastPathComponent
        if stat(dir.isEmpty ? "." : dir, &st) == 0, st.st_mode & 0o077 != 0, dir != "/tmp", !dir.isEmpty {
            loose.append("chmod 700 '\(dir)'")
        }
        guard !loose.isEmpty else { return nil }
        return "warning: the store at \(path) is readable by others; run: " + loose.joined(separator: "; ")
    }
}
