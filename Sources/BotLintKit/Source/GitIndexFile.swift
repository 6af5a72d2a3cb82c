import CLibGit2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The paths and modes of a git index, back to back in one buffer, in index order (by path
/// bytes, then stage: a conflicted path appears once per side).
@_spi(Fuzzing) public struct GitIndexPaths: Sendable {
    /// Every path's bytes, back to back; path `i` is `bytes[starts[i]..<starts[i + 1]]`.
    public internal(set) var bytes: [UInt8] = []
    public internal(set) var starts: [Int] = [0]
    public internal(set) var modes: [UInt32] = []

    public var count: Int { modes.count }

    init() {}

    /// Copied out of libgit2's index, when libgit2 had to read it.
    init(_ index: GitIndex) {
        let count = git_index_entrycount(index.handle)
        modes.reserveCapacity(count)
        starts.reserveCapacity(count + 1)
        for position in 0..<count {
            guard let raw = git_index_get_byindex(index.handle, position), let path = raw.pointee.path else { continue }
            bytes.append(contentsOf: UnsafeRawBufferPointer(start: path, count: strlen(path)))
            starts.append(bytes.count)
            modes.append(raw.pointee.mode)
        }
    }

    func path(_ position: Int) -> Range<Int> { starts[position]..<starts[position + 1] }
}

/// git's index file read directly, for listing a work tree.
///
/// libgit2 took 70 ms to read a 100,000-file index, before the first file could be looked at:
/// it checksums the whole file with collision-detecting SHA-1, allocates every entry, and checks
/// every path against Windows and macOS naming rules. This reader copies paths and modes into
/// one buffer in about a fifth of that time. Like git, which checks the checksum only in
/// `git fsck`, it trusts the checksum.
///
/// It reads index versions 2 to 4 (gitformat-index(5)). Anything else gives nil, and libgit2
/// reads the index instead, with its own errors: another version, a truncated or inconsistent
/// file, entries out of order, a split or sparse index (a required extension, or a folder
/// entry), and any path libgit2 might refuse (`.` or `..`, a `.git` lookalike, a Windows short
/// name). One difference is left: where `.git` is a file pointing elsewhere, libgit2 also
/// refuses paths named like the folder it points to; this reader lists them.
@_spi(Fuzzing) public enum GitIndexFile {
    /// Indexes above this size are left to libgit2 (a 100,000-file index is about 9 MB).
    static let maxBytes = 1 << 30

    /// The index at `path`, or nil when libgit2 should read it.
    static func read(_ path: String) -> GitIndexPaths? {
        SafeFileReader.wholeFile(path, maxBytes: maxBytes).flatMap(parse)
    }

    /// The entries of an index file's bytes, or nil when libgit2 should read them.
    public static func parse(_ file: [UInt8]) -> GitIndexPaths? {
        file.withUnsafeBytes { parse(IndexBytes($0)) }
    }

    private static let hashSize = 20
    /// ctime, mtime, dev, ino, mode, uid, gid, size: ten 32-bit fields, then the object id.
    private static let flagsOffset = 40 + hashSize
    private static let extendedFlag: UInt16 = 0x4000
    private static let nameMask: UInt16 = 0x0FFF
    private static let folderMode: UInt32 = 0o040000

    private static func parse(_ file: IndexBytes) -> GitIndexPaths? {
        guard file.count >= 12 + hashSize, file.uint32(at: 0) == 0x4449_5243 /* "DIRC" */ else { return nil }
        let version = file.uint32(at: 4)
        guard (2...4).contains(version) else { return nil }
        let entryCount = Int(file.uint32(at: 8))
        let end = file.count - hashSize
        var paths = GitIndexPaths()
        // The count comes from the file: reserve no more than the file could hold.
        let reserved = min(entryCount, end / (flagsOffset + 2))
        paths.modes.reserveCapacity(reserved)
        paths.starts.reserveCapacity(reserved + 1)
        paths.bytes.reserveCapacity(min(end, reserved * 48))
        var offset = 12
        // Version 4 only: the previous path, which the next one is stored relative to.
        var lastPath: [UInt8] = []
        for _ in 0..<entryCount {
            guard offset <= end - flagsOffset - 2 else { return nil }
            let mode = file.uint32(at: offset + 24)
            let flags = file.uint16(at: offset + flagsOffset)
            var pathOffset = offset + flagsOffset + 2
            if flags & extendedFlag != 0 {
                guard version >= 3, pathOffset <= end - 2 else { return nil }
                pathOffset += 2
            }
            guard mode != folderMode else { return nil }
            let previous = paths.count > 0 ? paths.starts[paths.count - 1]..<paths.bytes.count : 0..<0
            if version == 4 {
                // The path is the previous one minus `strip` bytes, plus a NUL-terminated suffix.
                guard let (strip, varintLength) = file.varint(at: pathOffset, end: end), strip <= lastPath.count,
                      let suffixEnd = file.nul(from: pathOffset + varintLength, end: end) else { return nil }
                // Kept apart: appending a slice of `paths.bytes` to itself would copy the buffer.
                lastPath.removeLast(strip)
                file.append((pathOffset + varintLength)..<suffixEnd, to: &lastPath)
                // libgit2 refuses a longer one in this version only (its GIT_PATH_MAX, NUL included).
                guard lastPath.count < 4096 else { return nil }
                paths.bytes.append(contentsOf: lastPath)
                offset = suffixEnd + 1
            } else {
                // The path ends at its NUL; a stated length (below 0xFFF) must agree with it.
                let statedLength = Int(flags & nameMask)
                guard let pathEnd = file.nul(from: pathOffset, end: end),
                      statedLength == Int(nameMask) || pathEnd == pathOffset + statedLength else { return nil }
                file.append(pathOffset..<pathEnd, to: &paths.bytes)
                // Padded with 1 to 8 NULs to a multiple of 8 bytes.
                offset += (pathEnd - offset + 8) & ~7
                guard offset <= end else { return nil }
            }
            paths.starts.append(paths.bytes.count)
            paths.modes.append(mode)
            guard paths.bytes.withUnsafeBytes({ bytes in
                let current = UnsafeRawBufferPointer(rebasing: bytes[paths.starts[paths.count - 1]..<bytes.count])
                let before = UnsafeRawBufferPointer(rebasing: bytes[previous])
                // Sorted by path (stages of one path are adjacent), and a path libgit2 takes as it is.
                return (previous.isEmpty || TrackedFiles.order(before, current) <= 0) && isPlain(current)
            }) else { return nil }
        }
        return extensionsAreOptional(file, from: offset, end: end) ? paths : nil
    }

    /// Extensions follow the entries, up to the checksum. Those whose name starts with a
    /// capital letter are optional caches; any other (`link`: a split index, `sdir`: a sparse
    /// one) changes what the entries mean.
    private static func extensionsAreOptional(_ file: IndexBytes, from start: Int, end: Int) -> Bool {
        var offset = start
        while offset < end {
            guard offset <= end - 8 else { return false }
            let first = file[offset]
            guard first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") else { return false }
            let size = Int(file.uint32(at: offset + 4))
            guard size <= end - offset - 8 else { return false }
            offset += 8 + size
        }
        return true
    }

    /// Whether libgit2 is sure to take `path` as it is: no empty, `.` or `..` component, nothing
    /// that `.git` could be mistaken for on Windows or macOS (`.git `, `.git.`, `.git:x`, a
    /// non-ASCII name with `git` in it), no `~` near a component's start (Windows short names).
    static func isPlain(_ path: UnsafeRawBufferPointer) -> Bool {
        // Most paths are ASCII without `~`: then only the components that start with a dot (and
        // empty ones) need a closer look, so one pass over the bytes decides.
        var unusual: UInt8 = 0
        var componentStart = true
        for byte in path {
            if componentStart, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") { unusual = 0xFF; break }
            componentStart = byte == UInt8(ascii: "/")
            unusual |= byte & 0x80
            if byte == UInt8(ascii: "~") { unusual = 0xFF; break }
        }
        if unusual == 0, !componentStart { return true }
        var start = 0
        while start <= path.count {
            var end = start
            while end < path.count, path[end] != UInt8(ascii: "/") { end += 1 }
            if !isPlainComponent(UnsafeRawBufferPointer(rebasing: path[start..<end])) { return false }
            start = end + 1
        }
        return true
    }

    private static func isPlainComponent(_ name: UnsafeRawBufferPointer) -> Bool {
        guard !name.isEmpty else { return false }
        for index in 0..<min(name.count, 8) where name[index] == UInt8(ascii: "~") { return false }
        // macOS ignores some invisible characters in names: `.g\u{200C}it` is `.git` there.
        if name.contains(where: { $0 >= 0x80 }), isGitLookalike(name.filter { $0 < 0x80 }) { return false }
        guard name[0] == UInt8(ascii: ".") else { return true }
        guard name.count > 2 || (name.count == 2 && name[1] != UInt8(ascii: ".")) else { return false }
        guard name.count >= 4, isGit(name, at: 1) else { return true }
        guard name.count > 4 else { return false }
        return ![UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "\\")].contains(name[4])
    }

    /// `git` in any case at `offset`.
    private static func isGit(_ name: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        offset + 3 <= name.count && name[offset] | 0x20 == UInt8(ascii: "g")
            && name[offset + 1] | 0x20 == UInt8(ascii: "i") && name[offset + 2] | 0x20 == UInt8(ascii: "t")
    }

    /// `.git` and anything longer starting with it, in any case.
    private static func isGitLookalike(_ ascii: [UInt8]) -> Bool {
        ascii.count >= 4 && ascii[0] == UInt8(ascii: ".") && ascii.withUnsafeBytes { isGit($0, at: 1) }
    }
}

/// Bounds-checked reads of big-endian fields; callers check offsets against `count` first.
private struct IndexBytes {
    let raw: UnsafeRawBufferPointer

    init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

    var count: Int { raw.count }

    subscript(offset: Int) -> UInt8 { raw[offset] }

    func uint32(at offset: Int) -> UInt32 {
        UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    func uint16(at offset: Int) -> UInt16 {
        UInt16(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    /// The offset of the first NUL in `offset..<end`.
    func nul(from offset: Int, end: Int) -> Int? {
        guard offset < end, let base = raw.baseAddress,
              let found = memchr(base + offset, 0, end - offset) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// git's offset varint (each continuation adds one before shifting) and its length in bytes.
    func varint(at offset: Int, end: Int) -> (value: Int, length: Int)? {
        var position = offset
        guard position < end else { return nil }
        var byte = raw[position]
        var value = Int(byte & 0x7F)
        while byte & 0x80 != 0 {
            position += 1
            guard position < end, value < Int.max >> 8 else { return nil }
            byte = raw[position]
            value = ((value + 1) << 7) | Int(byte & 0x7F)
        }
        return (value, position - offset + 1)
    }

    func append(_ range: Range<Int>, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[range]))
    }
}
