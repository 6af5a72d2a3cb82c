import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One folder's entries as `readdir` returned them (minus `.` and `..`): raw name bytes and
/// `d_type`s, so a caller can look names up without building a `String` for each.
struct DirectoryListing: Sendable {
    enum Failure: Error, Sendable {
        /// `open` failed with this `errno`.
        case unopenable(Int32)
        /// Opened but could not be read as a directory.
        case unreadable
    }

    /// A listing or why there is none.
    typealias Outcome = Result<DirectoryListing, Failure>

    /// One entry's name, valid during the call it is handed to.
    struct Name {
        /// Without the NUL that follows them.
        let bytes: UnsafeRawBufferPointer

        /// nil when the name is not valid UTF-8: it could not be named in reports or opened
        /// again from a Swift string.
        var string: String? { String(validatingCString: bytes.baseAddress!.assumingMemoryBound(to: CChar.self)) }
    }

    /// Names back to back, each followed by a NUL; entry `i` is `names[starts[i]..<starts[i + 1] - 1]`.
    private var names: [UInt8] = []
    private var starts: [Int32] = [0]
    private var types: [UInt8] = []

    var count: Int { types.count }

    /// Lists `path`; nil when it holds more than `maxEntries` entries.
    static func read(_ path: String, maxEntries: Int) -> Outcome? {
        var listing = DirectoryListing()
        var isComplete = true
        let failure = stream(path) { name, type in
            guard listing.count < maxEntries, listing.names.count + name.bytes.count < Int(Int32.max) else {
                isComplete = false
                return false
            }
            listing.names.append(contentsOf: name.bytes)
            listing.names.append(0)
            listing.starts.append(Int32(listing.names.count))
            listing.types.append(type)
            return true
        }
        if let failure { return .failure(failure) }
        return isComplete ? .success(listing) : nil
    }

    /// Calls `body` with each entry of `path` (minus `.` and `..`) in `readdir` order, until it
    /// returns false, keeping none of them. `O_NOFOLLOW`: a folder that is a symlink is never
    /// entered (git does not follow it either).
    static func stream(_ path: String, _ body: (Name, UInt8) -> Bool) -> Failure? {
        stream(path) { name, type, _ in body(name, type) }
    }

    /// `stream`, also handing over the folder's open descriptor, for `fstatat` relative to it.
    static func stream(_ path: String, _ body: (Name, UInt8, Int32) -> Bool) -> Failure? {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return .unopenable(errno) }
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return .unreadable
        }
        defer { closedir(directory) }
        while let item = readdir(directory) {
            let goOn = withUnsafeBytes(of: &item.pointee.d_name) { raw -> Bool in
                let length = strnlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count)
                let name = UnsafeRawBufferPointer(rebasing: raw[..<length])
                if name.elementsEqual([UInt8(ascii: ".")]) || name.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                    return true
                }
                return body(Name(bytes: name), item.pointee.d_type, descriptor)
            }
            if !goOn { break }
        }
        return nil
    }

    /// Calls `body` with each entry's name and `d_type`, in `readdir` order, until it returns false.
    func forEach(_ body: (Name, UInt8) -> Bool) {
        names.withUnsafeBytes { all in
            for index in types.indices {
                let range = Int(starts[index])..<(Int(starts[index + 1]) - 1)
                guard body(Name(bytes: UnsafeRawBufferPointer(rebasing: all[range])), types[index]) else { return }
            }
        }
    }
}

/// Lists folders of a work tree on a second thread while the first reads the git index, which
/// takes milliseconds to tens of milliseconds on a large repository and needs no folder listed. The
/// walk that follows takes these listings instead of reading the folders again; it decides
/// everything itself, so how far the prefetch got changes only how long the walk takes.
final class DirectoryPrefetch: @unchecked Sendable {
    /// Folders that are all but always ignored or dropped, and can be large: the walk reads them
    /// itself if it ever enters them.
    private static let skippedNames: Set<String> = [".git", "node_modules", "site-packages", "bower_components",
                                                     ".venv", "venv", "__pycache__", ".tox", ".mypy_cache",
                                                     ".pytest_cache", ".ruff_cache", ".next"]
    /// Bounds what an unexpectedly huge tree can cost before the index is read: past these,
    /// folders are left for the walk, which reads them without keeping their entries.
    private static let maxEntries = 500_000
    private static let maxEntriesPerFolder = 50_000

    private let lock = NSLock()
    private var listings: [String: DirectoryListing.Outcome] = [:]
    private var isStopped = false
    private let done = DispatchSemaphore(value: 0)

    /// Starts listing `root`/`scope` breadth-first, down to `maxDepth` levels below `scope`.
    init(root: String, scope: String, maxDepth: Int) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            defer { done.signal() }
            var level = [scope]
            var entries = 0
            for _ in 0..<maxDepth {
                var next: [String] = []
                for folder in level {
                    if lock.withLock({ isStopped }) || entries > Self.maxEntries { return }
                    guard let outcome = DirectoryListing.read(POSIXPath.join(root, folder),
                                                              maxEntries: Self.maxEntriesPerFolder) else { continue }
                    if case .success(let listing) = outcome {
                        entries += listing.count
                        listing.forEach { name, type in
                            if type == UInt8(DT_DIR), let name = name.string,
                               !Self.skippedNames.contains(name) {
                                next.append(folder.isEmpty ? name : folder + "/" + name)
                            }
                            return true
                        }
                    }
                    lock.withLock { listings[folder] = outcome }
                }
                if next.isEmpty { return }
                level = next
            }
        }
    }

    /// Stops listing and hands over what was listed, by folder relative to the root.
    func finish() -> [String: DirectoryListing.Outcome] {
        lock.withLock { isStopped = true }
        return completed()
    }

    /// Waits until the listing has ended by itself (or was stopped) and hands it over.
    func completed() -> [String: DirectoryListing.Outcome] {
        done.wait()
        done.signal()
        return lock.withLock { listings }
    }
}
