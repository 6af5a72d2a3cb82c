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

    /// A conflicted file (up to three stages) becomes one path; submodules, paths outside
    /// `scope` and paths that are not valid UTF-8 (they could not be named in reports or opened
    /// again from a Swift string) are left out.
    init(_ index: GitIndexPaths, scope: String) {
        let count = index.count
        entries.reserveCapacity(count)
        starts.reserveCapacity(count + 1)
        bytes.reserveCapacity(index.bytes.count)
        let scopePrefix = scope.isEmpty ? [] : Array((scope + "/").utf8)
        index.bytes.withUnsafeBytes { all in
            var previous = UnsafeRawBufferPointer(start: nil, count: 0)
            for position in 0..<count {
                let pathBytes = UnsafeRawBufferPointer(rebasing: all[index.path(position)])
                // Stages of one conflicted path are adjacent; bytes, not `String ==`, which is
                // canonical (`été` composed and decomposed are two files to git and to Linux).
                if position > 0, Self.order(previous, pathBytes) == 0 { continue }
                previous = pathBytes
                guard index.modes[position] != GitIndexEntry.Mode.gitlink,
                      scopePrefix.isEmpty || Self.hasPrefix(pathBytes, scopePrefix) else { continue }
                let isASCII = Self.isASCII(pathBytes)
                // ASCII is valid UTF-8, and decoding it is the fast path; the generic validating
                // initializer looked up type metadata for every path.
                guard let path = isASCII ? String(decoding: pathBytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
                                         : String(validating: pathBytes, as: UTF8.self) else { continue }
                if isInStringOrder {
                    isInStringOrder = isASCII
                        && (entries.isEmpty || Self.order(pathBytes, bytes, starts[entries.count - 1]..<bytes.count) > 0)
                }
                entries.append(FileEntry(path: path, isExecutable: index.modes[position] == GitIndexEntry.Mode.executable))
                bytes.append(contentsOf: pathBytes)
                starts.append(bytes.count)
            }
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
