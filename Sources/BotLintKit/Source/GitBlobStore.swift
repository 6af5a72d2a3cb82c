import CLibGit2
import Foundation

/// The files of a git snapshot (the index or a commit's tree) as blobs, read from the object
/// database: nothing in the work tree is opened, so what is read is exactly what was recorded.
final class GitBlobStore: @unchecked Sendable {
    private let databases: ObjectDatabases
    private let looseObjects: GitLooseObjectReader
    private let blobs: [String: git_oid]

    /// `looseObjects` is a reader the caller already has (`--since` puts one in front of
    /// libgit2's); by default one is opened.
    init(repository: GitRepository, blobs: [String: git_oid], looseObjects: GitLooseObjectReader? = nil) {
        self.blobs = blobs
        databases = ObjectDatabases(repository: repository)
        self.looseObjects = looseObjects ?? GitLooseObjectReader(objectsFolder: repository.objectsFolder)
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
        switch looseObjects.read(oid, maxBytes: maxBytes) {
        case .content(let bytes): return .success(bytes)
        case .tooLarge(let size): return .failure(.tooLarge(size))
        case .unreadable(let reason): return .failure(.unreadable(reason))
        case nil: break
        }
        return databases.withDatabase { database in
            guard let database else { return .failure(.unreadable(databases.failure ?? "no object database")) }
            return Self.contents(of: &oid, in: database, maxBytes: maxBytes)
        }
    }

    private static func contents(of oid: inout git_oid, in database: OpaquePointer, maxBytes: Int) -> Result<[UInt8], GitBlobReadFailure> {
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

/// Object databases to read blobs through, one per reading thread.
///
/// A `git_odb` is safe to share, but libgit2 holds its lock for the whole backend read (open,
/// read and inflate), so threads sharing one read one blob at a time: on a `--staged` run the
/// second core mostly waited. Each thread borrows a database of its own, opened on the same
/// objects folder (alternates included); libgit2 shares pack files between them.
final class ObjectDatabases: @unchecked Sendable {
    /// The repository's own database (counted by libgit2, so it outlives the repository): the
    /// first one lent, and the one shared when no other can be opened, which only serialises
    /// reads again.
    private let shared: OpaquePointer?
    private let objectsFolder: String?
    let failure: String?
    private let lock = NSLock()
    private var idle: [OpaquePointer] = []
    private var opened: [OpaquePointer] = []
    /// Set after a failed open, so a repository libgit2 cannot reopen is not retried per blob.
    private var cannotOpenMore = false

    init(repository: GitRepository) {
        var database: OpaquePointer?
        if git_repository_odb(&database, repository.handle) == 0, let database {
            shared = database
            failure = nil
            idle = [database]
        } else {
            shared = nil
            failure = LibGit2.lastErrorMessage()
        }
        objectsFolder = repository.objectsFolder
    }

    deinit {
        for database in opened { git_odb_free(database) }
        git_odb_free(shared)
    }

    func withDatabase<T>(_ body: (OpaquePointer?) -> T) -> T {
        guard shared != nil else { return body(nil) }
        guard let borrowed = lock.withLock({ idle.popLast() }) ?? openAnother() else { return body(shared) }
        defer { lock.withLock { idle.append(borrowed) } }
        return body(borrowed)
    }

    private func openAnother() -> OpaquePointer? {
        guard let objectsFolder, !lock.withLock({ cannotOpenMore }) else { return nil }
        var database: OpaquePointer?
        guard git_odb_open(&database, objectsFolder) == 0, let database else {
            lock.withLock { cannotOpenMore = true }
            return nil
        }
        lock.withLock { opened.append(database) }
        return database
    }
}
