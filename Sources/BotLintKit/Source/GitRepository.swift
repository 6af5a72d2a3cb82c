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
        let path = String(cString: raw)
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// The repository's index as stored on disk (read only; botlint never writes it).
    func index() throws(GitError) -> GitIndex {
        var index: OpaquePointer?
        try GitError.check(git_repository_index(&index, handle), while: "reading the index")
        guard let index else { throw GitError.lastError(while: "reading the index") }
        return GitIndex(handle: index)
    }
}
