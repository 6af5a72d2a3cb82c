import CLibGit2

/// The files of a commit (or any revision that names a tree: a branch, a tag, `HEAD~3`), read
/// as blobs from the object database without touching the work tree. `--since` lints this
/// next to the current files to tell new findings from old ones.
public struct GitRevisionSource: FileSource {
    /// The revision as given, for messages.
    public let revision: String
    /// The abbreviated id it resolved to (the commit, or the tree when it names a tree).
    public let resolvedID: String
    private let snapshot: FileListing
    private let blobs: GitBlobStore

    /// `path` is the repository or a subfolder; the same subfolder is read from the revision.
    /// An unknown revision throws libgit2's message.
    public init(path: String, revision: String) throws {
        let location = try GitSnapshotLocation.open(path, reading: "revision \(revision)", allowBare: true)
        let repository = location.repository
        // One reader for both: libgit2's commit and tree reads, and the blobs read below.
        let looseObjects = GitLooseObjectReader(objectsFolder: repository.objectsFolder)
        looseObjects.guardLooseReads(in: repository)
        do {
            let resolved = try GitObject.resolve(revision, in: repository)
            resolvedID = resolved.id
            var walk = GitTreeWalk(repository: repository)
            if let tree = try resolved.tree.subtree(at: location.scope, in: repository) {
                try walk.visit(tree, prefix: location.scope, depth: 0)
            }
            walk.entries.sort { $0.path < $1.path }
            snapshot = FileListing(root: location.root, scope: location.scope, isGit: true,
                                   entries: ExcludedFolders.removingDependencies(from: walk.entries), notes: walk.notes)
            blobs = GitBlobStore(repository: repository, blobs: walk.oids, looseObjects: looseObjects)
        } catch {
            throw FileSourceError("revision '\(revision)': \(error)")
        }
        self.revision = revision
    }

    public func listing() throws -> FileListing {
        snapshot
    }

    public func read(_ entry: FileEntry, in listing: FileListing, maxBytes: Int) -> FileRead {
        blobs.read(entry, maxBytes: maxBytes)
    }
}

/// A revision resolved to its tree.
private struct GitObject {
    let id: String
    let tree: GitTree

    static func resolve(_ revision: String, in repository: GitRepository) throws(GitError) -> GitObject {
        var object: OpaquePointer?
        // libgit2's own words say it best ("revspec 'x' not found"); the caller names the revision.
        guard git_revparse_single(&object, repository.handle, revision) == 0, let object else {
            throw GitError(description: LibGit2.lastErrorMessage())
        }
        defer { git_object_free(object) }
        var tree: OpaquePointer?
        guard git_object_peel(&tree, object, GIT_OBJECT_TREE) == 0, let tree else {
            // Peeling a commit hides why its tree could not be read (a damaged object); ask again.
            if git_object_type(object) == GIT_OBJECT_COMMIT {
                _ = try GitTree.lookup(git_commit_tree_id(object), in: repository, while: "finding its files")
            }
            throw GitError.lastError(while: "finding its files")
        }
        // Name the commit when there is one: that is the id `git log` shows.
        var commit: OpaquePointer?
        let named = git_object_peel(&commit, object, GIT_OBJECT_COMMIT) == 0 ? commit : nil
        defer { if let named { git_object_free(named) } }
        return GitObject(id: abbreviated(git_object_id(named ?? object)), tree: GitTree(handle: tree))
    }

    private static func abbreviated(_ oid: UnsafePointer<git_oid>?) -> String {
        guard let oid, let hex = git_oid_tostr_s(oid) else { return "" }
        return String(String(cString: hex).prefix(12))
    }
}

/// A tree object, freed when the last reference goes away.
private final class GitTree {
    let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        git_object_free(handle)
    }

    /// The tree at `path` below this one ("" = this tree); nil when the revision has no such folder.
    func subtree(at path: String, in repository: GitRepository) throws(GitError) -> GitTree? {
        guard !path.isEmpty else { return self }
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, handle, path)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, while: "finding \(path)")
        guard let entry else { return nil }
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return nil }
        return try GitTree.lookup(git_tree_entry_id(entry), in: repository, while: "reading \(path)")
    }

    static func lookup(_ oid: UnsafePointer<git_oid>?, in repository: GitRepository,
                       while operation: String) throws(GitError) -> GitTree {
        var tree: OpaquePointer?
        try GitError.check(git_tree_lookup(&tree, repository.handle, oid), while: operation)
        guard let tree else { throw GitError.lastError(while: operation) }
        return GitTree(handle: tree)
    }
}

/// Collects a tree's regular files, depth first, within the listing limits. Symlinks and
/// submodules are left out, as in the index.
private struct GitTreeWalk {
    let repository: GitRepository
    let limits = ListingLimits.standard
    var entries: [FileEntry] = []
    var oids: [String: git_oid] = [:]
    var notes: [Note] = []
    private var isFull = false
    private var firstTooDeep: String?

    init(repository: GitRepository) {
        self.repository = repository
    }

    mutating func visit(_ tree: GitTree, prefix: String, depth: Int) throws(GitError) {
        for position in 0..<git_tree_entrycount(tree.handle) {
            guard !isFull else { return }
            guard let entry = git_tree_entry_byindex(tree.handle, position),
                  let name = git_tree_entry_name(entry).flatMap(String.init(validatingCString:)) else { continue }
            let path = prefix.isEmpty ? name : prefix + "/" + name
            switch git_tree_entry_filemode(entry) {
            case GIT_FILEMODE_TREE:
                guard depth + 1 < limits.maxDepth else {
                    if firstTooDeep == nil {
                        firstTooDeep = path
                        notes.append(limits.depthNote(folder: path))
                    }
                    continue
                }
                let subtree = try GitTree.lookup(git_tree_entry_id(entry), in: repository, while: "reading \(path)")
                try visit(subtree, prefix: path, depth: depth + 1)
            case GIT_FILEMODE_BLOB, GIT_FILEMODE_BLOB_EXECUTABLE:
                guard let oid = git_tree_entry_id(entry) else { continue }
                guard entries.count < limits.maxEntries else {
                    isFull = true
                    notes.append(limits.truncationNote(total: nil))
                    return
                }
                entries.append(FileEntry(path: path, isExecutable: git_tree_entry_filemode(entry) == GIT_FILEMODE_BLOB_EXECUTABLE))
                oids[path] = oid.pointee
            default:
                continue
            }
        }
    }
}
