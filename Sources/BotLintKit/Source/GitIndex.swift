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

    var isSubmodule: Bool { mode == Mode.gitlink }
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
            result.append(GitIndexEntry(path: path, mode: raw.pointee.mode,
                                        stage: git_index_entry_stage(raw)))
        }
        return result
    }
}
