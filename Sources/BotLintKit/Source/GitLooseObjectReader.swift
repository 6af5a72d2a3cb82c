import CLibGit2
import CZlib

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loose blobs (`objects/ab/cdef…`: `blob <size>\0<bytes>`, deflated) read without libgit2.
///
/// A staged file is usually a loose object: `git add` writes one per file. libgit2 needs about
/// ten system calls per blob here (the header read that bounds the size, then the whole read,
/// each checking that the file exists, opening, reading and closing it); this reader opens,
/// checks, reads and closes once and inflates once. For a 200-file index that is 2.3 ms instead
/// of 6.3 on one core. Like git outside `fsck`, it trusts a loose object to match its name.
///
/// It answers for every loose object it finds, damaged ones included: libgit2 1.5 loops forever
/// reading a truncated loose object, so only objects with no loose file (packed, or in an
/// alternate) are left to libgit2.
final class GitLooseObjectReader: @unchecked Sendable {
    /// The objects folder, open for lookups by name; -1 when it could not be opened.
    private let folder: Int32

    init(objectsFolder: String?) {
        folder = objectsFolder.map { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) } ?? -1
    }

    deinit {
        if folder >= 0 { close(folder) }
    }

    /// The blob named `oid`, or nil when there is no loose object to read (libgit2 reads it from
    /// a pack). A blob over `maxBytes` is not inflated.
    func read(_ oid: git_oid, maxBytes: Int) -> GitLooseObject? {
        guard let (type, result) = readObject(oid, maxBytes: maxBytes) else { return nil }
        if let type, type != "blob" { return .unreadable("the object is not a blob") }
        return result
    }

    /// The object named `oid` of any type, with its type when its header could be read.
    func readObject(_ oid: git_oid, maxBytes: Int) -> (type: String?, result: GitLooseObject)? {
        guard folder >= 0 else { return nil }
        // Symlinks are followed, as git and libgit2 do inside the git folder; anything but a
        // regular file is refused below without being read.
        let descriptor = Self.withObjectName(oid) { openat(folder, $0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard descriptor >= 0 else {
            return errno == ENOENT || errno == ENOTDIR ? nil : (nil, .unreadable(POSIXPath.errorText(errno)))
        }
        defer { close(descriptor) }
        guard let status = FileStatus.of(descriptor: descriptor), status.isRegularFile else {
            return (nil, .unreadable("the loose object is not a regular file"))
        }
        // Deflate adds a few bytes per 64 KB block, so an object within `maxBytes` fits in this
        // much; of a larger file only this much is read, enough for the header's size.
        let bound = maxBytes + maxBytes / 1024 + 1024
        let wanted = min(status.size, bound)
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, count in
            count = SafeFileReader.fill(buffer, from: descriptor, failure: &failure, endsAt: wanted)
        }
        if failure != 0 { return (nil, .unreadable(POSIXPath.errorText(failure))) }
        return GitLooseObject.decode(bytes, maxBytes: maxBytes, isWholeFile: bytes.count == status.size)
    }

    enum PrefixMatch: Equatable {
        case none, ambiguous
        case unique(git_oid)

        static func == (a: PrefixMatch, b: PrefixMatch) -> Bool {
            switch (a, b) {
            case (.none, .none), (.ambiguous, .ambiguous): true
            case (.unique(var x), .unique(var y)): git_oid_cmp(&x, &y) == 0
            default: false
            }
        }
    }

    /// The one loose object whose name starts with the first `hexDigits` digits of `prefix`
    /// (at least two: the fan-out folder's name).
    func uniqueObject(startingWith prefix: git_oid, hexDigits: Int) -> PrefixMatch {
        guard folder >= 0, hexDigits >= 2, hexDigits <= 40 else { return .none }
        let wanted = Self.withObjectName(prefix) { Array(UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: 41)) }
        // The name without its slash: 40 hex digits, of which the first `hexDigits` must match.
        let hex = Array(wanted[0..<2] + wanted[3...])
        let fanOut = Array(hex[0..<2])
        let directory = fanOut.withUnsafeBufferPointer { two -> Int32 in
            var name: [CChar] = two.map { CChar(bitPattern: $0) } + [0]
            return openat(folder, &name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
        guard directory >= 0, let stream = fdopendir(directory) else {
            if directory >= 0 { close(directory) }
            return .none
        }
        defer { closedir(stream) }
        var found: git_oid?
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            guard name.count == 38, name.allSatisfy(Self.isLowercaseHex),
                  name.prefix(hexDigits - 2).elementsEqual(hex[2..<hexDigits]) else { continue }
            guard found == nil else { return .ambiguous }
            var oid = git_oid()
            let full = (fanOut + name).map { CChar(bitPattern: $0) }
            guard git_oid_fromstrn(&oid, full, 40) == 0 else { continue }
            found = oid
        }
        return found.map { .unique($0) } ?? .none
    }

    private static func isLowercaseHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
    }

    /// `ab/cdef…` (41 characters) as a C string, without a `String`.
    private static func withObjectName<T>(_ oid: git_oid, _ body: (UnsafePointer<CChar>) -> T) -> T {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 42) { name in
            let digits = Array("0123456789abcdef".utf8)
            withUnsafeBytes(of: oid.id) { id in
                var at = 0
                for (offset, byte) in id.enumerated() {
                    if offset == 1 {
                        name[at] = CChar(bitPattern: UInt8(ascii: "/"))
                        at += 1
                    }
                    name[at] = CChar(bitPattern: digits[Int(byte >> 4)])
                    name[at + 1] = CChar(bitPattern: digits[Int(byte & 0x0F)])
                    at += 2
                }
                name[at] = 0
            }
            return body(UnsafePointer(name.baseAddress!))
        }
    }
}

/// A loose object's file, decoded (`GitLooseObjectReader`); public for the fuzz target.
@_spi(Fuzzing) public enum GitLooseObject: Equatable {
    /// The object's content (a blob's bytes, or a tree or commit as git stores it).
    case content([UInt8])
    /// The header's size, over the limit; nothing was inflated past the header.
    case tooLarge(Int)
    /// Why it could not be read, for the note or libgit2's error.
    case unreadable(String)

    /// The blob in `bytes`, a loose object's file (or, when `isWholeFile` is false, its start).
    /// Git's rules: one zlib stream holding `<type> <size>\0` (the size in canonical decimal)
    /// and exactly that many bytes, with nothing after the stream.
    public static func decodeBlob(_ bytes: [UInt8], maxBytes: Int, isWholeFile: Bool = true) -> GitLooseObject {
        let (type, result) = decode(bytes, maxBytes: maxBytes, isWholeFile: isWholeFile)
        if let type, type != "blob" { return .unreadable("the object is not a blob") }
        return result
    }

    /// Any object, with its type once the header could be read.
    static func decode(_ bytes: [UInt8], maxBytes: Int, isWholeFile: Bool) -> (type: String?, result: GitLooseObject) {
        var type: String?
        let result = decodeContent(bytes, maxBytes: maxBytes, isWholeFile: isWholeFile) { type = $0 }
        return (type, result)
    }

    private static func decodeContent(_ bytes: [UInt8], maxBytes: Int, isWholeFile: Bool,
                                      typeFound: (String) -> Void) -> GitLooseObject {
        // zlib's two-byte header (deflate, a valid check value), as git and libgit2 test for it.
        guard bytes.count >= 2, bytes[0] & 0x8F == 0x08, (Int(bytes[0]) << 8 | Int(bytes[1])) % 31 == 0 else {
            return .unreadable("damaged loose object: not a zlib stream")
        }
        // zlib keeps the stream's address in its state, so it lives at one address throughout.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard botlint_inflate_init(stream) == Z_OK else { return .unreadable("zlib could not start") }
        defer { inflateEnd(stream) }
        return bytes.withUnsafeBufferPointer { input -> GitLooseObject in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress!)
            stream.pointee.avail_in = UInt32(clamping: input.count)
            // The header comes first: "commit ", at most 18 digits and the NUL fit in 32 bytes.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { header -> GitLooseObject in
                stream.pointee.next_out = header.baseAddress
                stream.pointee.avail_out = 32
                let headerStatus = inflate(stream, Z_NO_FLUSH)
                guard headerStatus == Z_OK || headerStatus == Z_STREAM_END else {
                    return damaged(headerStatus, stream, inputComplete: isWholeFile)
                }
                let produced = 32 - Int(stream.pointee.avail_out)
                let inflated = UnsafeBufferPointer(rebasing: header[..<produced])
                guard let end = inflated.firstIndex(of: 0) else {
                    // Input ran out before the header did: a truncated file.
                    if headerStatus == Z_OK, produced < 32 { return damaged(headerStatus, stream, inputComplete: isWholeFile) }
                    return .unreadable("damaged loose object: no valid header")
                }
                guard let (type, size) = parseHeader(inflated[..<end]) else {
                    return .unreadable("damaged loose object: no valid header")
                }
                typeFound(type)
                guard size <= maxBytes else { return .tooLarge(size) }
                guard size < Int(UInt32.max) else { return .unreadable("damaged loose object: no valid header") }
                let early = UnsafeBufferPointer(rebasing: inflated[(end + 1)...])
                guard early.count <= size else { return .unreadable("damaged loose object: longer than its header says") }
                var status = headerStatus
                // One spare byte, so content longer than stated shows as a missing stream end.
                let content = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
                    let start = buffer.baseAddress!
                    if let earlyBase = early.baseAddress { start.update(from: earlyBase, count: early.count) }
                    count = early.count
                    guard status != Z_STREAM_END else { return }
                    stream.pointee.next_out = start + count
                    stream.pointee.avail_out = UInt32(size + 1 - count)
                    status = inflate(stream, Z_FINISH)
                    count = size + 1 - Int(stream.pointee.avail_out)
                }
                if status != Z_STREAM_END {
                    if content.count > size { return .unreadable("damaged loose object: longer than its header says") }
                    return damaged(status, stream, inputComplete: isWholeFile)
                }
                guard content.count == size else { return .unreadable("damaged loose object: shorter than its header says") }
                guard stream.pointee.avail_in == 0, isWholeFile else {
                    return .unreadable("damaged loose object: bytes after its end")
                }
                return .content(content)
            }
        }
    }

    /// Why inflating stopped short: input ran out (a truncated file) or zlib found bad data.
    private static func damaged(_ status: Int32, _ stream: UnsafeMutablePointer<z_stream>, inputComplete: Bool) -> GitLooseObject {
        if status == Z_BUF_ERROR || (status == Z_OK && stream.pointee.avail_in == 0) {
            return .unreadable(inputComplete ? "damaged loose object: truncated"
                                             : "damaged loose object: more compressed bytes than its content needs")
        }
        return .unreadable("damaged loose object: " + (stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"))
    }

    /// `<type> <size>` with git's types and a canonical decimal size (no sign, no leading zero).
    private static func parseHeader(_ header: Slice<UnsafeBufferPointer<UInt8>>) -> (type: String, size: Int)? {
        guard let space = header.firstIndex(of: UInt8(ascii: " ")) else { return nil }
        let type = String(decoding: header[..<space], as: UTF8.self)
        guard ["blob", "tree", "commit", "tag"].contains(type) else { return nil }
        let digits = header[(space + 1)...]
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              digits.first != 0x30 || digits.count == 1 else { return nil }
        return (type, digits.reduce(0) { $0 * 10 + Int($1 - 0x30) })
    }
}

extension GitLooseObjectReader {
    /// libgit2's object types by loose header name.
    private static let objectTypes: [String: git_object_t] = [
        "commit": GIT_OBJECT_COMMIT, "tree": GIT_OBJECT_TREE, "blob": GIT_OBJECT_BLOB, "tag": GIT_OBJECT_TAG,
    ]

    /// Puts this reader in front of libgit2's own loose-object reader in `repository`, for the
    /// commits and trees that libgit2 reads (`--since`): a damaged loose object becomes
    /// libgit2's error instead of a hang. Objects with no loose file fall through to the packs.
    func guardLooseReads(in repository: GitRepository) {
        var database: OpaquePointer?
        guard git_repository_odb(&database, repository.handle) == 0, let database else { return }
        defer { git_odb_free(database) }
        let backend = UnsafeMutablePointer<botlint_loose_backend>.allocate(capacity: 1)
        backend.initialize(to: botlint_loose_backend())
        guard git_odb_init_backend(&backend.pointee.parent, UInt32(GIT_ODB_BACKEND_VERSION)) == 0 else {
            backend.deallocate()
            return
        }
        backend.pointee.reader = Unmanaged.passRetained(self).toOpaque()
        backend.pointee.parent.read = { data, length, type, backend, oid in
            guard let backend, let oid else { return GIT_ERROR.rawValue }
            return GitLooseObjectReader.answer(backend, oid.pointee, data, length, type)
        }
        backend.pointee.parent.read_prefix = { fullOID, data, length, type, backend, shortOID, hexLength in
            guard let backend, let shortOID, let fullOID else { return GIT_ERROR.rawValue }
            switch GitLooseObjectReader.reader(of: backend).uniqueObject(startingWith: shortOID.pointee, hexDigits: hexLength) {
            case .none: return GIT_ENOTFOUND.rawValue
            case .ambiguous:
                git_error_set_str(Int32(GIT_ERROR_ODB.rawValue), "ambiguous SHA1 prefix - found multiple loose objects")
                return GIT_EAMBIGUOUS.rawValue
            case .unique(let oid):
                fullOID.pointee = oid
                return GitLooseObjectReader.answer(backend, oid, data, length, type)
            }
        }
        backend.pointee.parent.free = { backend in
            guard let backend else { return }
            backend.withMemoryRebound(to: botlint_loose_backend.self, capacity: 1) { typed in
                if let reader = typed.pointee.reader { Unmanaged<GitLooseObjectReader>.fromOpaque(reader).release() }
                typed.deinitialize(count: 1)
                typed.deallocate()
            }
        }
        // Above the packs (2) and libgit2's loose reader (1), so this one is asked first.
        backend.withMemoryRebound(to: git_odb_backend.self, capacity: 1) { parent in
            if git_odb_add_backend(database, parent, 3) != 0 { parent.pointee.free(parent) }
        }
    }

    /// The reader a backend made by `guardLooseReads` holds.
    private static func reader(of backend: UnsafeMutablePointer<git_odb_backend>) -> GitLooseObjectReader {
        let reader = backend.withMemoryRebound(to: botlint_loose_backend.self, capacity: 1) { $0.pointee.reader! }
        return Unmanaged<GitLooseObjectReader>.fromOpaque(reader).takeUnretainedValue()
    }

    /// One read for libgit2: the object in a buffer libgit2 frees, GIT_ENOTFOUND when there is
    /// no loose file, or an error with the reason.
    private static func answer(_ backend: UnsafeMutablePointer<git_odb_backend>, _ oid: git_oid,
                               _ data: UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                               _ length: UnsafeMutablePointer<Int>?, _ type: UnsafeMutablePointer<git_object_t>?) -> Int32 {
        let reader = reader(of: backend)
        // libgit2 reads trees and commits whole; 256 MB is far past any real one.
        guard let (name, result) = reader.readObject(oid, maxBytes: 256 << 20) else { return GIT_ENOTFOUND.rawValue }
        switch result {
        case .content(let bytes):
            guard let objectType = objectTypes[name ?? ""],
                  let buffer = git_odb_backend_data_alloc(backend, max(bytes.count, 1)) else { return GIT_ERROR.rawValue }
            bytes.withUnsafeBytes { if let base = $0.baseAddress { buffer.copyMemory(from: base, byteCount: bytes.count) } }
            data?.pointee = buffer
            length?.pointee = bytes.count
            type?.pointee = objectType
            return 0
        case .tooLarge(let size):
            git_error_set_str(Int32(GIT_ERROR_ODB.rawValue), "loose object of \(size) bytes is over botlint's limit")
            return GIT_ERROR.rawValue
        case .unreadable(let reason):
            git_error_set_str(Int32(GIT_ERROR_ODB.rawValue), reason)
            return GIT_ERROR.rawValue
        }
    }
}
