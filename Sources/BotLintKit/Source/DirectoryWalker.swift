#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists a folder without git: POSIX calls only (this is the hot path for large trees), symlinks
/// listed but never followed, `ExcludedFolders` pruned, bounded in depth and count.
struct DirectoryWalker {
    let root: String
    var limits = ListingLimits.standard

    private enum Child {
        case file(FileEntry)
        case folder(String)

        /// A folder sorts as `name/`, so visiting children in this order lists paths already
        /// sorted, and the final sort only confirms it instead of sorting from scratch.
        var sortKey: String {
            switch self {
            case .file(let entry): entry.path
            case .folder(let path): path + "/"
            }
        }
    }

    private struct FolderContents {
        var children: [Child] = []
        var isVirtualenv = false
    }

    private struct WalkState {
        var entries: [FileEntry] = []
        var notes: [Note] = []
        var isTruncated = false
        var firstTooDeep: String?
    }

    /// Entries sorted by path, plus notes for folders that could not be read or were cut off.
    func walk() -> (entries: [FileEntry], notes: [Note]) {
        var state = WalkState()
        visit(folder: "", depth: 0, state: &state)
        if state.isTruncated { state.notes.append(limits.truncationNote(total: nil)) }
        if let folder = state.firstTooDeep { state.notes.append(limits.depthNote(folder: folder)) }
        return (state.entries.sorted { $0.path < $1.path }, state.notes)
    }

    private func visit(folder: String, depth: Int, state: inout WalkState) {
        guard !state.isTruncated else { return }
        guard let contents = read(folder: folder, notes: &state.notes) else { return }
        // The scanned folder itself is scanned even when it is a virtualenv: it was asked for.
        if depth > 0, contents.isVirtualenv { return }
        let ordered = contents.children.map { ($0.sortKey, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        for child in ordered {
            switch child {
            case .file(let entry):
                guard state.entries.count < limits.maxEntries else {
                    state.isTruncated = true
                    return
                }
                state.entries.append(entry)
            case .folder(let path):
                guard depth + 1 < limits.maxDepth else {
                    if state.firstTooDeep == nil { state.firstTooDeep = path }
                    continue
                }
                visit(folder: path, depth: depth + 1, state: &state)
            }
        }
    }

    /// One folder's regular files and symlinks (FIFOs, sockets and devices are never offered)
    /// and its subfolders, unsorted and not yet filtered by depth.
    private func read(folder: String, notes: inout [Note]) -> FolderContents? {
        var contents = FolderContents()
        // O_NOFOLLOW: a folder swapped for a symlink after it was listed is not entered.
        let failure = DirectoryListing.stream(POSIXPath.join(root, folder)) { name, type, descriptor in
            if let name = name.string { classify(name, type: type, folder: folder, descriptor: descriptor, into: &contents) }
            return true
        }
        switch failure {
        case .unopenable(EACCES)?:
            notes.append(Note(path: folder, message: "folder skipped: permission denied"))
            return nil
        case .some:
            return nil
        case nil:
            return contents
        }
    }

    private func classify(_ name: String, type: UInt8, folder: String, descriptor: Int32,
                          into contents: inout FolderContents) {
        let path = folder.isEmpty ? name : folder + "/" + name
        // A `.git` file points a linked worktree or submodule at its repository: metadata, not code.
        if name == ".git", type != UInt8(DT_DIR) { return }
        if name == ExcludedFolders.virtualenvMarker { contents.isVirtualenv = true }
        // readdir's type saves a stat per folder; files need one anyway for the execute bit.
        if type == UInt8(DT_DIR) {
            if !ExcludedFolders.walkSkips(folderNamed: name) { contents.children.append(.folder(path)) }
            return
        }
        guard let status = FileStatus.of(name: name, inDirectory: descriptor) else { return }
        if status.isDirectory {
            if !ExcludedFolders.walkSkips(folderNamed: name) { contents.children.append(.folder(path)) }
        } else if status.isRegularFile {
            contents.children.append(.file(FileEntry(path: path, isExecutable: status.isExecutable)))
        } else if status.isSymlink {
            contents.children.append(.file(FileEntry(path: path)))
        }
    }
}
