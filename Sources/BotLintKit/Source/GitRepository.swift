import CLibGit2

/// An open libgit2 repository, freed when the last reference goes away.
final class GitRepository {
    enum Discovery {
        case found(GitRepository)
        /// No repository in the folder or any folder above it (on the same file system).
        case notFound
        /// A repository seems to be there but libgit2 could not open it.
        case failed(GitError)
    }

    let handle: OpaquePointer

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        git_repository_free(handle)
    }

    /// Opens the repository containing `path`, searching upward like `git` does. Environment
    /// variables such as GIT_DIR are deliberately ignored so a scan depends only on the folder.
    static func discover(containing path: String) -> Discovery {
        LibGit2.ensureInitialized()
        var handle: OpaquePointer?
        let code = git_repository_open_ext(&handle, path, 0, nil)
        if code == GIT_ENOTFOUND.rawValue { return .notFound }
        guard code == 0, let handle else {
            return .failed(.lastError(while: "opening the repository"))
        }
        return .found(GitRepository(handle: handle))
    }

    var isBare: Bool { git_repository_is_bare(handle) == 1 }

    /// The work tree folder without a trailing slash; nil for a bare repository.
    var workDirectory: String? {
        guard let raw = git_repository_workdir(handle) else { return nil }
        return Self.trimmingSlash(String(cString: raw))
    }

    /// The repository's own git folder (for a linked worktree, its folder under the main
    /// repository's `worktrees/`), without a trailing slash.
    var gitDirectory: String {
        Self.trimmingSlash(String(cString: git_repository_path(handle)))
    }

    /// The folder shared by all worktrees of the repository (hooks, config, objects live here).
    var commonDirectory: String {
        Self.trimmingSlash(String(cString: git_repository_commondir(handle)))
    }

    /// The objects folder, shared by worktrees (alternates not included); nil if libgit2 cannot say.
    var objectsFolder: String? {
        var path = git_buf()
        defer { git_buf_dispose(&path) }
        guard git_repository_item_path(&path, handle, GIT_REPOSITORY_ITEM_OBJECTS) == 0 else { return nil }
        return path.ptr.map { String(cString: $0) }
    }

    /// A path-valued config setting (`~/` expanded) from every level git reads; nil when unset.
    func configPath(_ name: String) throws(GitError) -> String? {
        var config: OpaquePointer?
        try GitError.check(git_repository_config_snapshot(&config, handle), while: "reading the git config")
        guard let config else { throw GitError.lastError(while: "reading the git config") }
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let code = git_config_get_path(&buffer, config, name)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, while: "reading \(name) from the git config")
        return buffer.ptr.map { String(cString: $0) }
    }

    private static func trimmingSlash(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// The paths and modes of the repository's index, read directly where `GitIndexFile` can,
    /// by libgit2 otherwise.
    func indexPaths() throws(GitError) -> GitIndexPaths {
        if let paths = GitIndexFile.read(gitDirectory + "/index") { return paths }
        return GitIndexPaths(try index())
    }

    /// The repository's index as stored on disk (read only; botlint never writes it).
    func index() throws(GitError) -> GitIndex {
        var index: OpaquePointer?
        try GitError.check(git_repository_index(&index, handle), while: "reading the index")
        guard let index else { throw GitError.lastError(while: "reading the index") }
        return GitIndex(handle: index)
    }
}
