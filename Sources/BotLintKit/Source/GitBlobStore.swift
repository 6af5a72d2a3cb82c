import CLibGit2
import Foundation

/// The files of a git snapshot (the index or a commit's tree) as blobs, read from the object
/// database: nothing in the work tree is opened, so what is read is exactly what was recorded.
///
/// libgit2 objects must not be used from two threads at once and the linter reads files on all
/// cores, so each blob is copied out under a lock; extraction runs outside it.
final class GitBlobStore: @unchecked Sendable {
    private let repository: GitRepository
    private let blobs: [String: git_oid]
    private let lock = NSLock()

    init(repository: GitRepository, blobs: [String: git_oid]) {
        self.repository = repository
        self.blobs = blobs
    }

    /// The same bounds as the work tree reader: over `maxBytes` is skipped with a note, binary
    /// content (a NUL byte early on) is skipped silently.
    func read(_ entry: FileEntry, maxBytes: Int) -> FileRead {
        guard var oid = blobs[entry.path] else { return .skipped(nil) }
        let contents: Result<[UInt8], GitBlobReadFailure> = lock.withLock {
            var blob: OpaquePointer?
            guard git_blob_lookup(&blob, repository.handle, &oid) == 0, let blob else {
                return .failure(.unreadable(LibGit2.lastErrorMessage()))
            }
            defer { git_blob_free(blob) }
            let size = Int(clamping: git_blob_rawsize(blob))
            guard size <= maxBytes else { return .failure(.tooLarge(size)) }
            guard size > 0, let raw = git_blob_rawcontent(blob) else { return .success([]) }
            return .success(Array(UnsafeRawBufferPointer(start: raw, count: size)))
        }
        switch contents {
        case .failure(.unreadable(let reason)):
            return .skipped(Note(path: entry.path, message: "skipped: the blob could not be read (\(reason))"))
        case .failure(.tooLarge(let size)):
            return .skipped(Note(path: entry.path, message:
                "skipped: " + SafeFileReader.tooLargeReason(size: size, limit: maxBytes)))
        case .success(let bytes):
            if SafeFileReader.isBinary(bytes) { return .skipped(nil) }
            return .file(SourceFile(path: entry.path, bytes: bytes, isExecutable: entry.isExecutable))
        }
    }
}

private enum GitBlobReadFailure: Error {
    case unreadable(String)
    case tooLarge(Int)
}
