import CLibGit2

/// Lists a git work tree as `git ls-files --cached --others --exclude-standard` would, minus
/// files deleted from the work tree, submodules and installed dependencies.
struct GitWorkTreeLister {
    let repository: GitRepository
    /// The work tree root (a resolved path).
    let root: String
    /// The folder to list, relative to `root` ("" = all).
    let scope: String

    private struct WorkTreeChanges {
        var deleted: Set<String> = []
        var untracked: [String] = []
    }

    /// Sorted entries under `scope`, not yet bounded in count.
    func entries() throws(GitError) -> [FileEntry] {
        // Read the index before asking for status: a corrupt index then fails with its own message.
        let tracked = try repository.index().entries
        let changes = try workTreeChanges()
        var entries = trackedEntries(tracked, without: changes.deleted)
        entries += changes.untracked.filter(isInScope).map(untrackedEntry)
        entries.sort { $0.path < $1.path }
        return ExcludedFolders.removingDependencies(from: entries)
    }

    private func isInScope(_ path: String) -> Bool {
        scope.isEmpty || path.hasPrefix(scope + "/")
    }

    /// One entry per path: a conflicted file has up to three stages but one file in the work tree.
    private func trackedEntries(_ tracked: [GitIndexEntry], without deleted: Set<String>) -> [FileEntry] {
        var entries: [FileEntry] = []
        entries.reserveCapacity(tracked.count)
        var previousPath: String?
        for entry in tracked where entry.path != previousPath {
            previousPath = entry.path
            guard !entry.isSubmodule, isInScope(entry.path), !deleted.contains(entry.path) else { continue }
            entries.append(FileEntry(path: entry.path, isExecutable: entry.isExecutable))
        }
        return entries
    }

    /// Git records only a mode for tracked files; for untracked ones the file's own bits count.
    private func untrackedEntry(_ path: String) -> FileEntry {
        let status = FileStatus.of(path: POSIXPath.join(root, path))
        return FileEntry(path: path, isExecutable: status.map { $0.isRegularFile && $0.isExecutable } ?? false)
    }

    /// Work tree against index only (HEAD is not needed, so a repository without commits works).
    /// Never writes the index back, so scanning leaves the repository untouched.
    private func workTreeChanges() throws(GitError) -> WorkTreeChanges {
        var options = git_status_options()
        try GitError.check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)),
                           while: "preparing git status")
        options.show = GIT_STATUS_SHOW_WORKDIR_ONLY
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue
            | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
        var list: OpaquePointer?
        try GitError.check(git_status_list_new(&list, repository.handle, &options),
                           while: "reading git status")
        guard let list else { throw GitError.lastError(while: "reading git status") }
        defer { git_status_list_free(list) }
        return collectChanges(from: list)
    }

    private func collectChanges(from list: OpaquePointer) -> WorkTreeChanges {
        var changes = WorkTreeChanges()
        for position in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, position),
                  let delta = entry.pointee.index_to_workdir else { continue }
            let status = entry.pointee.status.rawValue
            if status & GIT_STATUS_WT_DELETED.rawValue != 0,
               let path = delta.pointee.old_file.path.flatMap(String.init(validatingCString:)) {
                changes.deleted.insert(path)
            } else if status & GIT_STATUS_WT_NEW.rawValue != 0,
                      let path = delta.pointee.new_file.path.flatMap(String.init(validatingCString:)),
                      !path.hasSuffix("/") {
                // A trailing slash marks an untracked nested repository: like a submodule, skipped.
                changes.untracked.append(path)
            }
        }
        return changes
    }
}
