import CLibGit2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The index's files under a scope, one per path, with their path bytes kept side by side in
/// one buffer: the work-tree walk looks every directory entry up among them, and comparing raw
/// bytes there costs no reference counting, where comparing `String`s cost a retain and a
/// release per step of every search (a third of the listing's time on large repositories).
struct TrackedFiles {
    /// In index order, which is byte order unless the index sorts case-insensitively.
    private(set) var entries: [FileEntry] = []
    /// Every path's UTF-8 bytes, back to back; path `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int] = [0]
    /// Paths are ASCII and in strictly increasing byte order, so already in `String` order.
    private(set) var isInStringOrder = true

    var count: Int { entries.count }

    /// Reads the entries straight from libgit2's memory: a conflicted file (up to three stages)
    /// becomes one path; submodules, paths outside `scope` and paths that are not valid UTF-8
    /// (they could not be named in reports or opened again from a Swift string) are left out.
    init(_ index: GitIndex, scope: String) {
        let count = git_index_entrycount(index.handle)
        entries.reserveCapacity(count)
        starts.reserveCapacity(count + 1)
        bytes.reserveCapacity((0..<count).reduce(0) { $0 + (git_index_get_byindex(index.handle, $1).map { strlen($0.pointee.path) } ?? 0) })
        let scopePrefix = scope.isEmpty ? [] : Array((scope + "/").utf8)
        var previous: UnsafePointer<CChar>?
        var previousLength = 0
        for position in 0..<count {
            guard let raw = git_index_get_byindex(index.handle, position), let cPath = raw.pointee.path else { continue }
            let length = strlen(cPath)
            // Stages of one conflicted path are adjacent; bytes, not `String ==`, which is
            // canonical (`été` composed and decomposed are two files to git and to Linux).
            if let previous, previousLength == length, memcmp(previous, cPath, length) == 0 { continue }
            previous = cPath
            previousLength = length
            guard raw.pointee.mode != GitIndexEntry.Mode.gitlink else { continue }
            let pathBytes = UnsafeRawBufferPointer(start: cPath, count: length)
            guard scopePrefix.isEmpty || Self.hasPrefix(pathBytes, scopePrefix),
                  let path = String(validatingCString: cPath) else { continue }
            if isInStringOrder {
                isInStringOrder = Self.isASCII(pathBytes)
                    && (entries.isEmpty || Self.order(pathBytes, bytes, starts[entries.count - 1]..<bytes.count) > 0)
            }
            entries.append(FileEntry(path: path, isExecutable: raw.pointee.mode == GitIndexEntry.Mode.executable))
            bytes.append(contentsOf: pathBytes)
            starts.append(bytes.count)
        }
    }

    private static func hasPrefix(_ bytes: UnsafeRawBufferPointer, _ prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && prefix.withUnsafeBytes { memcmp(bytes.baseAddress!, $0.baseAddress!, prefix.count) == 0 }
    }

    private static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        return high < 0x80
    }

    /// The entries whose `keep` flag is set, moved out (no reference counting per path);
    /// leaves `self` without entries.
    mutating func takeEntries(keeping keep: [Bool]) -> [FileEntry] {
        var kept: [FileEntry] = []
        swap(&kept, &entries)
        var write = 0
        for read in kept.indices where keep[read] {
            if write != read { kept.swapAt(write, read) }
            write += 1
        }
        kept.removeLast(kept.count - write)
        return kept
    }

    /// `memcmp` order of `name` against `bytes[range]`: negative, zero or positive.
    static func order(_ name: UnsafeRawBufferPointer, _ bytes: [UInt8], _ range: Range<Int>) -> Int {
        bytes.withUnsafeBytes { all in order(name, UnsafeRawBufferPointer(rebasing: all[range])) }
    }

    static func order(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let common = min(a.count, b.count)
        if common > 0 {
            let order = memcmp(a.baseAddress!, b.baseAddress!, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }
}
