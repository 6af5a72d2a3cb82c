import CLibGit2

/// One path recorded in the git index.
struct GitIndexEntry {
    /// Git file modes, as stored in the index.
    enum Mode {
        static let executable: UInt32 = 0o100755
        static let symlink: UInt32 = 0o120000
        static let gitlink: UInt32 = 0o160000
    }

    let path: String
    let mode: UInt32
    /// 0 for a normal entry; 1-3 for the sides of an unresolved merge conflict.
    let stage: Int32
    /// The staged content's blob.
    let oid: git_oid
    /// `git add -N`: a placeholder with no content, which the next commit does not include.
    let isIntentToAdd: Bool

    var isSubmodule: Bool { mode == Mode.gitlink }
    var isSymlink: Bool { mode == Mode.symlink }
    var isExecutable: Bool { mode == Mode.executable }
}

/// A repository's index (the staging area), freed when the last reference goes away.
final class GitIndex {
    let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        git_index_free(handle)
    }

    /// An index file other than the repository's own: git hands hooks a temporary one
    /// (`GIT_INDEX_FILE`) for `git commit -a` and `git commit <paths>`.
    static func open(file path: String) throws(GitError) -> GitIndex {
        LibGit2.ensureInitialized()
        var index: OpaquePointer?
        try GitError.check(git_index_open(&index, path), while: "reading the index \(path)")
        guard let index else { throw GitError.lastError(while: "reading the index \(path)") }
        return GitIndex(handle: index)
    }

    /// Entries in index order (by path, then stage). Paths that are not valid UTF-8 are left
    /// out: they could not be named in reports or opened again from a Swift string.
    var entries: [GitIndexEntry] {
        let count = git_index_entrycount(handle)
        var result: [GitIndexEntry] = []
        result.reserveCapacity(count)
        for position in 0..<count {
            guard let raw = git_index_get_byindex(handle, position),
                  let cPath = raw.pointee.path,
                  let path = String(validatingCString: cPath) else { continue }
            let intentToAdd = UInt32(raw.pointee.flags_extended) & GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue != 0
            result.append(GitIndexEntry(path: path, mode: raw.pointee.mode, stage: git_index_entry_stage(raw),
                                        oid: raw.pointee.id, isIntentToAdd: intentToAdd))
        }
        return result
    }
}
