/// The files of a folder on disk: git-aware when the folder is in a git work tree (tracked plus
/// untracked-but-not-ignored files), a bounded plain walk otherwise.
///
/// `path` must be a folder: the repository or a subfolder of it, which becomes the listing's
/// scope. A single file is refused, because what runs it (a Procfile, fly.toml, a script) lives
/// elsewhere in the repository and the topology could not be built from it alone.
public struct WorkTreeSource: FileSource {
    public let path: String
    /// false: walk the folder as it is, even inside a repository (`--no-git`; rule cases, which
    /// are repositories of their own inside botlint's).
    public let useGit: Bool

    public init(path: String, useGit: Bool = true) {
        self.path = path
        self.useGit = useGit
    }

    public func listing() throws -> FileListing {
        let folder = try Self.resolvedFolder(path)
        guard useGit else { return walk(folder, notes: []) }
        switch GitRepository.discover(containing: folder) {
        case .notFound:
            return walk(folder, notes: [])
        case .failed(let error):
            return walk(folder, notes: [Self.gitUnusableNote(error.description)])
        case .found(let repository):
            return gitListing(repository, folder: folder)
        }
    }

    public func read(_ entry: FileEntry, in listing: FileListing, maxBytes: Int) -> FileRead {
        SafeFileReader(root: listing.root, maxBytes: maxBytes).read(entry)
    }

    public func sequentialReader(in listing: FileListing, maxBytes: Int) -> any SequentialFileReader {
        WorkTreeReader(SafeFileReader(root: listing.root, maxBytes: maxBytes, folder: OpenFolder()))
    }

    private func gitListing(_ repository: GitRepository, folder: String) -> FileListing {
        // A bare repository has no work tree: its folder holds git's own files, walked as they are.
        guard !repository.isBare, let workDirectory = repository.workDirectory else {
            return walk(folder, notes: [])
        }
        guard let root = POSIXPath.resolved(workDirectory),
              let scope = POSIXPath.relative(folder, to: root) else {
            return walk(folder, notes: [Self.gitUnusableNote(
                "the folder is not inside the repository's work tree \(workDirectory)")])
        }
        do {
            let (entries, depthNotes) = try GitWorkTreeLister(repository: repository, root: root, scope: scope).entries()
            var (kept, notes) = ListingLimits.standard.bound(entries)
            notes += depthNotes
            if kept.isEmpty { notes.append(Self.nothingListedNote(root: root)) }
            return FileListing(root: root, scope: scope, isGit: true, entries: kept, notes: notes)
        } catch {
            return walk(folder, notes: [Self.gitUnusableNote(error.description)])
        }
    }

    private func walk(_ folder: String, notes: [Note]) -> FileListing {
        let result = DirectoryWalker(root: folder).walk()
        return FileListing(root: folder, scope: "", isGit: false, entries: result.entries,
                           notes: notes + result.notes)
    }

    /// An empty git listing usually means an enclosing repository (a dotfiles repository in the
    /// home folder, say) ignores the folder; said out loud, since no finding would follow.
    private static func nothingListedNote(root: String) -> Note {
        Note(path: nil, message: "git lists no files here: the folder is empty or ignored by the "
             + "repository at \(root)")
    }

    private static func gitUnusableNote(_ reason: String) -> Note {
        Note(path: nil, message: "git could not be used (\(reason)); files were listed by walking "
             + "the folder, so .gitignore was not applied")
    }

    /// The folder's resolved absolute path, or a `FileSourceError` the CLI reports as a usage error.
    static func resolvedFolder(_ path: String) throws -> String {
        guard let resolved = POSIXPath.resolved(path) else {
            throw FileSourceError("\(path): no such folder")
        }
        guard let status = FileStatus.of(path: resolved) else {
            throw FileSourceError("\(path): cannot be read (\(POSIXPath.lastErrorText))")
        }
        if status.isRegularFile {
            throw FileSourceError("\(path) is a file; botlint scans a folder (the repository or a subfolder of it)")
        }
        guard status.isDirectory else { throw FileSourceError("\(path) is not a folder") }
        return resolved
    }
}

/// `SafeFileReader` with the folder of the last file kept open across reads.
private final class WorkTreeReader: SequentialFileReader {
    let reader: SafeFileReader

    init(_ reader: SafeFileReader) { self.reader = reader }

    func read(_ entry: FileEntry) -> FileRead { reader.read(entry) }
}
