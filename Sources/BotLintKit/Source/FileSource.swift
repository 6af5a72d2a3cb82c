/// A file the source can offer, before it is read.
public struct FileEntry: Hashable, Sendable {
    /// Relative to `FileListing.root`, `/`-separated.
    public var path: String
    public var isExecutable: Bool

    public init(path: String, isExecutable: Bool = false) {
        self.path = path
        self.isExecutable = isExecutable
    }

    public var name: String { PathUtil.lastComponent(of: path) }
}

public struct FileListing: Sendable {
    /// Absolute path that entry paths are relative to (the repository's work tree root, or the
    /// scanned folder outside git).
    public var root: String
    /// The scanned subfolder relative to `root` ("" = everything).
    public var scope: String
    /// Whether the listing came from git (tracked + untracked-not-ignored).
    public var isGit: Bool
    /// Sorted by path.
    public var entries: [FileEntry]
    public var notes: [Note]

    public init(root: String, scope: String, isGit: Bool, entries: [FileEntry], notes: [Note]) {
        self.root = root
        self.scope = scope
        self.isGit = isGit
        self.entries = entries
        self.notes = notes
    }
}

public enum FileRead: Sendable {
    case file(SourceFile)
    /// Not read; the note says why when the user should know (binary/huge candidate files).
    case skipped(Note?)
}

/// Where files come from: the work tree (git-aware or a plain walk); later the index or a commit.
public protocol FileSource: Sendable {
    func listing() throws -> FileListing
    /// Reads one entry safely: regular files only, no symlink out of the root, bounded size.
    func read(_ entry: FileEntry, in listing: FileListing, maxBytes: Int) -> FileRead
    /// A reader for one thread that reads entries in listing order. It may keep what consecutive
    /// reads share: the work tree keeps the last file's folder open.
    func sequentialReader(in listing: FileListing, maxBytes: Int) -> any SequentialFileReader
}

/// Reads entries one at a time on one thread; see `FileSource.sequentialReader`.
public protocol SequentialFileReader: AnyObject {
    func read(_ entry: FileEntry) -> FileRead
}

extension FileSource {
    /// Each read on its own, for sources with nothing to share between reads.
    public func sequentialReader(in listing: FileListing, maxBytes: Int) -> any SequentialFileReader {
        IndependentReads(source: self, listing: listing, maxBytes: maxBytes)
    }
}

private final class IndependentReads<Source: FileSource>: SequentialFileReader {
    let source: Source
    let listing: FileListing
    let maxBytes: Int

    init(source: Source, listing: FileListing, maxBytes: Int) {
        self.source = source
        self.listing = listing
        self.maxBytes = maxBytes
    }

    func read(_ entry: FileEntry) -> FileRead { source.read(entry, in: listing, maxBytes: maxBytes) }
}

public struct FileSourceError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
