import CLibGit2
import Foundation

/// The files of a git snapshot (the index or a commit's tree) as blobs, read from the object
/// database: nothing in the work tree is opened, so what is read is exactly what was recorded.
///
/// The linter reads files on all cores. Most libgit2 objects must not be used from two threads
/// at once, but the object database (`git_odb`) locks internally and is documented as safe to
/// share, so blobs are read through it without a lock of our own and inflate in parallel.
final class GitBlobStore: @unchecked Sendable {
    /// Counted by libgit2, so it stays valid after the repository is freed.
    private let database: OpaquePointer?
    private let databaseFailure: String?
    private let blobs: [String: git_oid]

    init(repository: GitRepository, blobs: [String: git_oid]) {
        self.blobs = blobs
        var database: OpaquePointer?
        if git_repository_odb(&database, repository.handle) == 0, let database {
            self.database = database
            databaseFailure = nil
        } else {
            self.database = nil
            databaseFailure = LibGit2.lastErrorMessage()
        }
    }

    deinit {
        git_odb_free(database)
    }

    /// The same bounds as the work tree reader: over `maxBytes` is skipped with a note, binary
    /// content (a NUL byte early on) is skipped silently.
    func read(_ entry: FileEntry, maxBytes: Int) -> FileRead {
        guard var oid = blobs[entry.path] else { return .skipped(nil) }
        switch contents(of: &oid, maxBytes: maxBytes) {
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

    private func contents(of oid: inout git_oid, maxBytes: Int) -> Result<[UInt8], GitBlobReadFailure> {
        guard let database else { return .failure(.unreadable(databaseFailure ?? "no object database")) }
        // The header first: a blob's size is only known once it is inflated, and a small
        // compressed blob can inflate to gigabytes (a committed sparse file).
        var size = 0
        var type = GIT_OBJECT_INVALID
        guard git_odb_read_header(&size, &type, database, &oid) == 0 else {
            return .failure(.unreadable(LibGit2.lastErrorMessage()))
        }
        guard type == GIT_OBJECT_BLOB else { return .failure(.unreadable("the object is not a blob")) }
        guard size <= maxBytes else { return .failure(.tooLarge(size)) }
        var object: OpaquePointer?
        guard git_odb_read(&object, database, &oid) == 0, let object else {
            return .failure(.unreadable(LibGit2.lastErrorMessage()))
        }
        defer { git_odb_object_free(object) }
        let count = git_odb_object_size(object)
        guard count <= maxBytes else { return .failure(.tooLarge(count)) }
        guard count > 0, let data = git_odb_object_data(object) else { return .success([]) }
        return .success(Array(UnsafeRawBufferPointer(start: data, count: count)))
    }
}

private enum GitBlobReadFailure: Error {
    case unreadable(String)
    case tooLarge(Int)
}
