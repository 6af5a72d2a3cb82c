#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `lstat`/`fstat` results reduced to what sources need, without following symlinks.
struct FileStatus {
    let mode: mode_t
    let size: Int
    let device: UInt64
    let inode: UInt64

    init(_ raw: stat) {
        mode = raw.st_mode
        size = Int(raw.st_size)
        device = UInt64(raw.st_dev)
        inode = UInt64(raw.st_ino)
    }

    /// Status of the path itself (a symlink is reported as a symlink); nil with `errno` set.
    static func of(path: String) -> FileStatus? {
        var raw = stat()
        guard lstat(path, &raw) == 0 else { return nil }
        return FileStatus(raw)
    }

    /// Status of `name` inside an open directory, not following a final symlink.
    static func of(name: String, inDirectory descriptor: Int32) -> FileStatus? {
        var raw = stat()
        guard fstatat(descriptor, name, &raw, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return FileStatus(raw)
    }

    /// Status of an open file.
    static func of(descriptor: Int32) -> FileStatus? {
        var raw = stat()
        guard fstat(descriptor, &raw) == 0 else { return nil }
        return FileStatus(raw)
    }

    var isRegularFile: Bool { mode & S_IFMT == S_IFREG }
    var isDirectory: Bool { mode & S_IFMT == S_IFDIR }
    var isSymlink: Bool { mode & S_IFMT == S_IFLNK }
    /// Any execute bit, as git records it (git keeps only "executable or not").
    var isExecutable: Bool { mode & (S_IXUSR | S_IXGRP | S_IXOTH) != 0 }

    func isSameFile(as other: FileStatus) -> Bool {
        device == other.device && inode == other.inode
    }
}

enum POSIXPath {
    /// The absolute path with every symlink, `.` and `..` resolved; nil with `errno` set.
    static func resolved(_ path: String) -> String? {
        guard let raw = realpath(path, nil) else { return nil }
        defer { free(raw) }
        return String(validatingCString: raw)
    }

    /// `path` relative to `ancestor` ("" when equal); nil when it is not inside it.
    static func relative(_ path: String, to ancestor: String) -> String? {
        if path == ancestor { return "" }
        let prefix = ancestor == "/" ? "/" : ancestor + "/"
        guard path.hasPrefix(prefix) else { return nil }
        return String(path.dropFirst(prefix.count))
    }

    static func join(_ base: String, _ relative: String) -> String {
        if relative.isEmpty { return base }
        return base == "/" ? "/" + relative : base + "/" + relative
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// `strerror(errno)` of the last failed call on this thread.
    static var lastErrorText: String { errorText(errno) }
}
