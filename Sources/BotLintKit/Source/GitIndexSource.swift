import CLibGit2

/// What the next commit will contain: the git index (the staging area), read as blobs.
///
/// The whole staged tree is listed, not only the changed files, because a conflict spans files
/// (a new Procfile line next to a poller committed long ago). A change staged and then edited
/// again is read as staged; a file removed from the index is gone even if it is still on disk;
/// an untracked file is absent. Submodules, symlinks (a symlink blob holds a path, never
/// followed) and `git add -N` placeholders are left out. Unresolved merge conflicts get a note:
/// git refuses to commit them, so they are checked once resolved and staged.
public struct GitIndexSource: FileSource {
    private let snapshot: FileListing
    private let blobs: GitBlobStore

    /// `path` is the repository or a subfolder (the scope). `indexFile` is an index other than
    /// the repository's own, as git names it in `GIT_INDEX_FILE` while a hook runs (`git commit
    /// -a` and `git commit <paths>` stage into a temporary index); it is used only when it lies
    /// inside this repository's git folder, so a variable left over from another repository
    /// cannot redirect the check. A relative `indexFile` is resolved against the current folder.
    public init(path: String, indexFile: String? = nil) throws {
        let location = try GitSnapshotLocation.open(path, reading: "the index", allowBare: false)
        let index: GitIndex
        do {
            if let file = Self.indexFile(indexFile, belongsTo: location.repository) {
                index = try GitIndex.open(file: file)
            } else {
                index = try location.repository.index()
            }
        } catch {
            throw FileSourceError(String(describing: error))
        }
        var entries: [FileEntry] = []
        var oids: [String: git_oid] = [:]
        var conflicted: [String] = []
        for entry in index.entries where location.isInScope(entry.path) {
            guard entry.stage == 0 else {
                if conflicted.last != entry.path { conflicted.append(entry.path) }
                continue
            }
            guard !entry.isSubmodule, !entry.isSymlink, !entry.isIntentToAdd else { continue }
            entries.append(FileEntry(path: entry.path, isExecutable: entry.isExecutable))
            oids[entry.path] = entry.oid
        }
        let (kept, limitNotes) = ListingLimits.standard.bound(ExcludedFolders.removingDependencies(from: entries))
        var notes = limitNotes + conflicted.map {
            Note(path: $0, message: "unresolved merge conflict: not checked (git commits it only once it is resolved and staged)")
        }
        if kept.isEmpty, conflicted.isEmpty {
            notes.append(Note(path: location.scope.isEmpty ? nil : location.scope, message: "nothing is staged here"))
        }
        snapshot = FileListing(root: location.root, scope: location.scope, isGit: true, entries: kept, notes: notes)
        blobs = GitBlobStore(repository: location.repository, blobs: oids)
    }

    public func listing() throws -> FileListing {
        snapshot
    }

    public func read(_ entry: FileEntry, in listing: FileListing, maxBytes: Int) -> FileRead {
        blobs.read(entry, maxBytes: maxBytes)
    }

    private static func indexFile(_ path: String?, belongsTo repository: GitRepository) -> String? {
        guard let path, !path.isEmpty, let resolved = POSIXPath.resolved(path),
              let gitDirectory = POSIXPath.resolved(repository.gitDirectory),
              let relative = POSIXPath.relative(resolved, to: gitDirectory), !relative.isEmpty else { return nil }
        return resolved
    }
}
