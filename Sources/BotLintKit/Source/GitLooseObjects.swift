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
/// each checking that the file exists, opening, reading and closing it) and hashes the content
/// again; this reader opens, checks, reads and closes once and inflates once. For a 200-file
/// index that is 2.3 ms instead of 6.3 on one core. Like git outside `fsck`, it trusts a loose
/// object to match its name.
///
/// Only the plain case is answered: a regular file holding one zlib stream whose header names a
/// blob and whose content has exactly the stated size. Everything else (packed objects,
/// alternates, other types, a damaged or unusual file) gets nil, and libgit2 reads or reports
/// it exactly as before.
final class GitLooseObjects: @unchecked Sendable {
    /// The objects folder, open for lookups by name; -1 when it could not be opened.
    private let folder: Int32

    init(objectsFolder: String?) {
        folder = objectsFolder.map { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) } ?? -1
    }

    deinit {
        if folder >= 0 { close(folder) }
    }

    /// The blob named `oid`, or nil to leave it to libgit2. A blob over `maxBytes` is not inflated.
    func read(_ oid: git_oid, maxBytes: Int) -> GitLooseBlob? {
        guard folder >= 0, let compressed = compressedObject(oid, maxBytes: maxBytes) else { return nil }
        return GitLooseBlob.decode(compressed, maxBytes: maxBytes)
    }

    /// The file's bytes. Deflate never grows data by more than a few bytes per 64 KB block, so a
    /// file much larger than `maxBytes` goes to libgit2, whose header read reports the size.
    private func compressedObject(_ oid: git_oid, maxBytes: Int) -> [UInt8]? {
        let descriptor = Self.withObjectName(oid) { openat(folder, $0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let status = FileStatus.of(descriptor: descriptor), status.isRegularFile, status.size > 0,
              status.size <= maxBytes || status.size - maxBytes <= maxBytes / 1024 + 1024 else { return nil }
        let bytes = [UInt8](unsafeUninitializedCapacity: status.size) { buffer, count in
            var failure: Int32 = 0
            count = SafeFileReader.fill(buffer, from: descriptor, failure: &failure, endsAt: status.size)
            if failure != 0 { count = 0 }
        }
        return bytes.count == status.size ? bytes : nil
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

/// A loose object's file read as a blob (`GitLooseObjects`); public for the fuzz target.
@_spi(Fuzzing) public enum GitLooseBlob: Equatable {
    case blob([UInt8])
    /// The header's size, over the limit; nothing was inflated past the header.
    case tooLarge(Int)

    /// The blob in one zlib stream, or nil when it is anything but a well-formed blob.
    public static func decode(_ compressed: [UInt8], maxBytes: Int) -> GitLooseBlob? {
        // zlib keeps the stream's address in its state, so it lives at one address throughout.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard botlint_inflate_init(stream) == Z_OK else { return nil }
        defer { inflateEnd(stream) }
        return compressed.withUnsafeBufferPointer { input -> GitLooseBlob? in
            guard let inputBase = input.baseAddress, let inputCount = UInt32(exactly: input.count) else { return nil }
            stream.pointee.next_in = UnsafeMutablePointer(mutating: inputBase)
            stream.pointee.avail_in = inputCount
            // The header comes first: "blob ", at most 18 digits and the NUL fit in 32 bytes.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { header -> GitLooseBlob? in
                stream.pointee.next_out = header.baseAddress
                stream.pointee.avail_out = 32
                let headerStatus = inflate(stream, Z_NO_FLUSH)
                guard headerStatus == Z_OK || headerStatus == Z_STREAM_END else { return nil }
                let produced = 32 - Int(stream.pointee.avail_out)
                let inflated = UnsafeBufferPointer(rebasing: header[..<produced])
                guard let end = inflated.firstIndex(of: 0), let size = blobSize(inflated[..<end]) else { return nil }
                guard size <= maxBytes else { return .tooLarge(size) }
                guard size < Int(UInt32.max) else { return nil }
                let early = UnsafeBufferPointer(rebasing: inflated[(end + 1)...])
                guard early.count <= size else { return nil }
                var complete = false
                // One spare byte, so content longer than stated shows as a missing stream end.
                let content = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
                    let start = buffer.baseAddress!
                    if let earlyBase = early.baseAddress { start.update(from: earlyBase, count: early.count) }
                    count = early.count
                    if headerStatus == Z_STREAM_END {
                        complete = count == size
                        return
                    }
                    stream.pointee.next_out = start + count
                    stream.pointee.avail_out = UInt32(size + 1 - count)
                    let status = inflate(stream, Z_FINISH)
                    count = size + 1 - Int(stream.pointee.avail_out)
                    complete = status == Z_STREAM_END && count == size
                }
                // Bytes after the stream are damage git would report; libgit2 reports it here.
                guard complete, stream.pointee.avail_in == 0 else { return nil }
                return .blob(content)
            }
        }
    }

    /// The size in a `blob <size>` header; nil for other types and non-canonical numbers.
    private static func blobSize(_ header: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        let prefix = Array("blob ".utf8)
        guard header.count > prefix.count, header.starts(with: prefix) else { return nil }
        let digits = header.dropFirst(prefix.count)
        guard digits.count <= 18, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              digits.first != 0x30 || digits.count == 1 else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}
