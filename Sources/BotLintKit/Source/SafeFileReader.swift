import CSystemCalls
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif

/// Reads one listed file without ever following a symlink out of the root, opening anything but
/// a regular file (a FIFO would block, a device could have side effects) or reading unbounded.
struct SafeFileReader {
    /// The listing's root.
    let root: String
    let maxBytes: Int
    /// Set when one thread reads many files in listing order: a file in the same folder as the
    /// last one opens by name, relative to that folder, instead of walking its whole path again.
    var folder: OpenFolder? = nil

    /// Files with a NUL byte this early are binary, as git and grep judge it.
    static let binaryProbeLength = 8 * 1024

    private enum Failure: Error {
        /// Not something to read (vanished, a symlink out of the root or to a non-file): silent.
        case ignored
        case noted(String)
    }

    func read(_ entry: FileEntry) -> FileRead {
        do throws(Failure) {
            var bytes = try fastContents(of: entry)
            if bytes == nil { bytes = try contents(of: try regularFilePath(for: entry)) }
            guard let bytes else { return .skipped(nil) }
            if let reason = Self.notTextReason(bytes) { return .skipped(Note(path: entry.path, message: "skipped: " + reason)) }
            return .file(SourceFile(path: entry.path, bytes: bytes, isExecutable: entry.isExecutable))
        } catch {
            switch error {
            case .ignored: return .skipped(nil)
            case .noted(let message): return .skipped(Note(path: entry.path, message: "skipped: " + message))
            }
        }
    }

    /// Why the bytes are not text botlint reads, or nil. The engine shows the note only for files
    /// whose name promises a format (a binary `bot.py`), never for images and the like.
    static func notTextReason(_ bytes: [UInt8]) -> String? {
        // PowerShell's `>` and some Windows editors write UTF-16; Heroku, Docker, Python, Node and
        // dotenv loaders all read these files as UTF-8, so the file does not work as written.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return "UTF-16 text (the tools that read this file expect UTF-8)"
        }
        if isBinary(bytes) { return "binary content (a NUL byte in the first 8 KB)" }
        return nil
    }

    /// The common case in two system calls. Where the kernel has openat2, one call refuses a
    /// symlink in any component of the path (reading in listing order, only the name's, below
    /// the open folder); elsewhere the entry's folder is checked once per folder
    /// (`ContainmentCache`) and `O_NOFOLLOW` refuses a symlink as the last component. nil sends
    /// symlinks and anything unusual down the careful path.
    private func fastContents(of entry: FileEntry) throws(Failure) -> [UInt8]? {
        let flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC
        let descriptor: Int32
        if NoSymlinkOpen.isAvailable, let folder {
            // The name is opened from inside the path's own C string: no `String` per file.
            let slash = entry.path.utf8.lastIndex(of: UInt8(ascii: "/"))
            let nameOffset = slash.map { entry.path.utf8.distance(from: entry.path.utf8.startIndex, to: $0) + 1 } ?? 0
            switch folder.open(entry.path.utf8.prefix(max(0, nameOffset - 1)), root: root) {
            case .open(let folderDescriptor):
                descriptor = entry.path.withCString { botlint_open_beneath(folderDescriptor, $0 + nameOffset, flags) }
            case .failed(let code):
                if code == ENOENT || code == ENOTDIR { throw .ignored }
                return nil
            }
            if descriptor < 0, errno == ENOENT || errno == ENOTDIR { throw .ignored }
        } else if NoSymlinkOpen.isAvailable {
            descriptor = botlint_open_no_symlinks(AT_FDCWD, POSIXPath.join(root, entry.path), flags)
            if descriptor < 0, errno == ENOENT || errno == ENOTDIR { throw .ignored }
        } else {
            guard ContainmentCache.shared.folderIsInside(PathUtil.directory(of: entry.path), root: root) else { return nil }
            descriptor = open(POSIXPath.join(root, entry.path), flags)
        }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let status = FileStatus.of(descriptor: descriptor), status.isRegularFile else { throw .ignored }
        guard status.size <= maxBytes else { throw tooLarge(status.size) }
        return try readBounded(descriptor, expected: status.size)
    }

    /// The real path of the entry when it is, or links to, a regular file inside the root.
    private func regularFilePath(for entry: FileEntry) throws(Failure) -> String {
        guard let realRoot = POSIXPath.resolved(root) else { throw .ignored }
        // Resolving the whole path also catches a parent folder that is a symlink out of the root.
        guard let path = POSIXPath.resolved(POSIXPath.join(realRoot, entry.path)) else {
            throw errno == EACCES ? .noted("permission denied") : .ignored
        }
        guard let relative = POSIXPath.relative(path, to: realRoot), !relative.isEmpty,
              let status = FileStatus.of(path: path), status.isRegularFile else { throw .ignored }
        return path
    }

    private func contents(of path: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.failure(errno) }
        defer { close(descriptor) }
        // fstat again: the path may have been swapped for something else since it was checked.
        guard let status = FileStatus.of(descriptor: descriptor), status.isRegularFile else { throw .ignored }
        guard status.size <= maxBytes else { throw tooLarge(status.size) }
        return try readBounded(descriptor, expected: status.size)
    }

    /// A whole file outside any listing (git's index): nil when it cannot be opened, is not a
    /// regular file or is over `maxBytes`.
    static func wholeFile(_ path: String, maxBytes: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let status = FileStatus.of(descriptor: descriptor), status.isRegularFile, status.size <= maxBytes else {
            return nil
        }
        return try? SafeFileReader(root: "", maxBytes: maxBytes).readBounded(descriptor, expected: status.size)
    }

    /// Reads at most `maxBytes + 1` bytes, so a file growing while it is read is still caught.
    /// The array is sized from `fstat` and filled in place: no chunk buffer, no copy, no zeroing.
    private func readBounded(_ descriptor: Int32, expected: Int) throws(Failure) -> [UInt8] {
        let limit = maxBytes + 1
        var failure: Int32 = 0
        var requested = min(expected + 1, limit)
        var bytes = [UInt8](unsafeUninitializedCapacity: requested) { buffer, count in
            count = Self.fill(buffer, from: descriptor, failure: &failure, endsAt: expected)
        }
        // Filled to the brim: the file grew since fstat, so read on (in steps) up to the limit.
        var filled = bytes.count == requested
        while failure == 0, filled, bytes.count < limit {
            requested = min(max(bytes.count, 64 * 1024), limit - bytes.count)
            let step = [UInt8](unsafeUninitializedCapacity: requested) { buffer, count in
                count = Self.fill(buffer, from: descriptor, failure: &failure)
            }
            filled = step.count == requested
            bytes += step
        }
        if failure != 0 { throw Self.failure(failure) }
        if bytes.count > maxBytes { throw tooLarge(max(expected, bytes.count)) }
        return bytes
    }

    /// Reads until the buffer is full or the file ends; the number of bytes read. A read that
    /// returns less than asked and reaches `endsAt` (the size `fstat` gave) is taken as the end,
    /// which saves the read that would return 0 for every file. A file that grew meanwhile is
    /// read as it was; a short read before that size (network file systems) reads on.
    static func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from descriptor: Int32, failure: inout Int32,
                     endsAt size: Int? = nil) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var count = 0
        while count < buffer.count {
            let asked = buffer.count - count
            let read = systemRead(descriptor, base + count, asked)
            if read == 0 { break }
            if read < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            count += read
            if read < asked, count == size { break }
        }
        return count
    }

    private func tooLarge(_ size: Int) -> Failure {
        .noted(Self.tooLargeReason(size: size, limit: maxBytes))
    }

    /// Shared with the git blob reader, so a huge file reads the same from any source.
    static func tooLargeReason(size: Int, limit: Int) -> String {
        "\(ByteCountText.size(size)) is over the \(ByteCountText.size(limit)) limit"
    }

    static func isBinary(_ bytes: [UInt8]) -> Bool {
        // memchr: `prefix(_:).contains(0)` went byte by byte.
        bytes.withUnsafeBytes { raw in
            raw.baseAddress.map { memchr($0, 0, min(raw.count, binaryProbeLength)) != nil } ?? false
        }
    }

    private static func failure(_ code: Int32) -> Failure {
        switch code {
        case EACCES, EPERM: .noted("permission denied")
        case ENOENT, ENOTDIR, ELOOP: .ignored
        default: .noted("could not read: " + POSIXPath.errorText(code))
        }
    }
}

/// The folder of the last file read, open for `openat2` relative to it. Its path was resolved
/// without following a symlink, so a name opened beneath it (also refusing symlinks) stays in the
/// root just as a whole path opened with `botlint_open_no_symlinks` does, at one component's cost.
final class OpenFolder {
    enum Outcome {
        case open(Int32)
        /// The `errno` opening the folder gave.
        case failed(Int32)
    }

    private var path: String?
    private var outcome = Outcome.failed(0)

    deinit { closeDescriptor() }

    /// `folder` (relative to `root`) opened; only for kernels with openat2 (`NoSymlinkOpen`).
    /// Compared by bytes, so a file in the same folder as the last costs no allocation.
    func open(_ folder: Substring.UTF8View, root: String) -> Outcome {
        if path.map({ !$0.utf8.elementsEqual(folder) }) ?? true {
            closeDescriptor()
            let name = String(Substring(folder))
            path = name
            let descriptor = botlint_open_folder_no_symlinks(POSIXPath.join(root, name))
            outcome = descriptor >= 0 ? .open(descriptor) : .failed(errno)
        }
        return outcome
    }

    private func closeDescriptor() {
        if case .open(let descriptor) = outcome { close(descriptor) }
        outcome = .failed(0)
    }
}

/// Remembers which folders resolve inside a root, so each folder costs one `realpath`, not each
/// file. A folder that is a symlink out of the root is never inside.
final class ContainmentCache: @unchecked Sendable {
    static let shared = ContainmentCache()
    private var known: [String: Bool] = [:]
    private let lock = NSLock()

    func folderIsInside(_ folder: String, root: String) -> Bool {
        let key = root + "\u{0}" + folder
        lock.lock()
        if let answer = known[key] { lock.unlock(); return answer }
        lock.unlock()
        var inside = false
        if let realRoot = POSIXPath.resolved(root), let real = POSIXPath.resolved(POSIXPath.join(realRoot, folder)),
           let status = FileStatus.of(path: real), status.isDirectory {
            inside = folder.isEmpty ? real == realRoot : POSIXPath.relative(real, to: realRoot).map { !$0.isEmpty } ?? false
        }
        lock.lock()
        known[key] = inside
        lock.unlock()
        return inside
    }
}

/// Whether this kernel lets a process open a path refusing symlinks in every component
/// (openat2, Linux 5.6+; container runtimes with an older seccomp profile forbid it).
enum NoSymlinkOpen {
    static let isAvailable: Bool = {
        let descriptor = botlint_open_no_symlinks(AT_FDCWD, "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        close(descriptor)
        return true
    }()
}
