import CLibGit2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists a git work tree as `git ls-files --cached --others --exclude-standard` would, minus
/// files deleted from the work tree, submodules and installed dependencies.
///
/// Tracked files come from the index. One `readdir` pass over the folder finds which of them are
/// still there and which files are new; only new files are matched against the ignore rules
/// (libgit2). This replaces `git_status`, which also `lstat`s every tracked file to compare it
/// with the index: botlint reads the work tree's contents anyway, so that comparison was pure
/// cost (19,000 extra `lstat` calls on a 20,000-file repository, all before any file is read).
struct GitWorkTreeLister {
    let repository: GitRepository
    /// The work tree root (a resolved path).
    let root: String
    /// The folder to list, relative to `root` ("" = all).
    let scope: String

    /// Sorted entries under `scope`, not yet bounded in count, and a note when folders were
    /// nested too deep to look for new files in.
    func entries() throws(GitError) -> (entries: [FileEntry], notes: [Note]) {
        let tracked = trackedEntries(try repository.index().entries)
        var walk = WorkTreeWalk(lister: self, tracked: tracked)
        try walk.run(from: scope)
        var entries = walk.trackedInWorkTree
        entries += walk.untracked
        entries.sort { $0.path < $1.path }
        let notes = walk.firstTooDeep.map { [walk.limits.depthNote(folder: $0)] } ?? []
        return (ExcludedFolders.removingDependencies(from: entries), notes)
    }

    private func isInScope(_ path: String) -> Bool {
        scope.isEmpty || path.hasPrefix(scope + "/")
    }

    /// One entry per path: a conflicted file has up to three stages but one file in the work tree.
    private func trackedEntries(_ tracked: [GitIndexEntry]) -> [FileEntry] {
        var entries: [FileEntry] = []
        entries.reserveCapacity(tracked.count)
        var previousPath: String?
        // Bytes, not `!=`: String equality is canonical, and `été` composed and decomposed are
        // two files to git and to Linux.
        for entry in tracked where !(previousPath.map { entry.path.utf8.elementsEqual($0.utf8) } ?? false) {
            previousPath = entry.path
            guard !entry.isSubmodule, isInScope(entry.path) else { continue }
            entries.append(FileEntry(path: entry.path, isExecutable: entry.isExecutable))
        }
        return entries
    }

    /// libgit2's answer for one untracked path (`.gitignore` files, `info/exclude`,
    /// `core.excludesFile`; a path under an ignored folder is ignored). A folder ends in `/`.
    fileprivate func isIgnored(_ path: String) throws(GitError) -> Bool {
        var ignored: Int32 = 0
        try GitError.check(git_ignore_path_is_ignored(&ignored, repository.handle, path),
                           while: "reading .gitignore rules for \(path)")
        return ignored == 1
    }
}

/// The state of one listing walk: which tracked files were seen, which new files were found.
private struct WorkTreeWalk {
    let lister: GitWorkTreeLister
    var limits = ListingLimits.standard
    private let tracked: [FileEntry]
    /// Positions in `tracked` of the files directly in each folder, in name order. Looking a
    /// name up in its folder's short list replaced one table over every tracked path, whose
    /// lookups missed the cache on every file of a large repository.
    private let trackedByFolder: [String: [Int]]
    /// Every folder holding a tracked file, at any depth.
    private let trackedFolders: Set<String>
    private var present: [Bool]
    private(set) var untracked: [FileEntry] = []
    /// Folders whose tracked files are kept unseen: unreadable, or past the depth limit.
    private var unlisted: Set<String> = []
    private(set) var firstTooDeep: String?

    /// `tracked` in index order: sorted by path bytes, so a folder's files come in name order.
    init(lister: GitWorkTreeLister, tracked: [FileEntry]) {
        self.lister = lister
        self.tracked = tracked
        var byFolder: [String: [Int]] = [:]
        var folders: Set<String> = [""]
        // Consecutive files mostly share a folder: one table update per run of them.
        var runFolder: String?
        var run: [Int] = []
        func flush() {
            guard let folder = runFolder else { return }
            byFolder[folder, default: []] += run
            var ancestor = folder
            while folders.insert(ancestor).inserted, !ancestor.isEmpty {
                ancestor = PathUtil.directory(of: ancestor)
            }
        }
        for (position, entry) in tracked.enumerated() {
            if let folder = runFolder, Self.isDirectlyInside(entry.path, folder) {
                run.append(position)
                continue
            }
            flush()
            runFolder = PathUtil.directory(of: entry.path)
            run = [position]
        }
        flush()
        // Already in order unless the index sorts case-insensitively (core.ignorecase): then a
        // real sort, so that the search by bytes holds either way.
        trackedByFolder = byFolder.mapValues { positions in
            positions.sorted { Self.compareBytes(tracked[$0].path, tracked[$1].path, from: 0) < 0 }
        }
        trackedFolders = folders
        present = Array(repeating: false, count: tracked.count)
    }

    /// Whether `path` is a file directly in `folder` ("" = the root), without building strings.
    private static func isDirectlyInside(_ path: String, _ folder: String) -> Bool {
        var path = path, folder = folder
        return path.withUTF8 { p in
            folder.withUTF8 { f in
                var start = 0
                if f.count > 0 {
                    guard p.count > f.count + 1, p[f.count] == UInt8(ascii: "/"),
                          let pBase = p.baseAddress, let fBase = f.baseAddress, memcmp(pBase, fBase, f.count) == 0 else { return false }
                    start = f.count + 1
                }
                guard let base = p.baseAddress else { return true }
                return memchr(base + start, Int32(UInt8(ascii: "/")), p.count - start) == nil
            }
        }
    }

    /// The position of tracked file `name` among `positions`, the tracked files of one folder:
    /// a binary search by name bytes (git's order). `offset` is where names start in their paths.
    private func trackedPosition(of name: String, among positions: [Int], offset: Int) -> Int? {
        var low = 0, high = positions.count
        while low < high {
            let middle = (low + high) / 2
            let order = Self.compareBytes(name, tracked[positions[middle]].path, from: offset)
            if order == 0 { return positions[middle] }
            if order > 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// `memcmp` order of `name` and `path`'s bytes from `offset`.
    private static func compareBytes(_ name: String, _ path: String, from offset: Int) -> Int {
        var name = name, path = path
        return name.withUTF8 { a in
            path.withUTF8 { b in
                let tail = b.count - offset
                let common = min(a.count, tail)
                if common > 0, let x = a.baseAddress, let y = b.baseAddress {
                    let order = memcmp(x, y + offset, common)
                    if order != 0 { return Int(order) }
                }
                return a.count - tail
            }
        }
    }

    /// Tracked files the walk saw (or could not look for), in index order.
    var trackedInWorkTree: [FileEntry] { zip(tracked, present).filter(\.1).map(\.0) }

    /// Walks `scope` with an explicit stack (a 10,000-deep tree must not exhaust the call stack).
    mutating func run(from scope: String) throws(GitError) {
        var pending = [(folder: scope, depth: 0)]
        while let (folder, depth) = pending.popLast() {
            guard depth < limits.maxDepth else {
                unlisted.insert(folder)
                if firstTooDeep == nil, !trackedFolders.contains(folder) { firstTooDeep = folder }
                continue
            }
            for subfolder in try visit(folder: folder) { pending.append((subfolder, depth + 1)) }
        }
        guard !unlisted.isEmpty else { return }
        for (position, entry) in tracked.enumerated() where !present[position] {
            var folder = PathUtil.directory(of: entry.path)
            while true {
                if unlisted.contains(folder) { present[position] = true; break }
                if folder.isEmpty { break }
                folder = PathUtil.directory(of: folder)
            }
        }
    }

    /// Lists one folder: tracked files seen here are present; new files and folders are matched
    /// against the ignore rules (libgit2 applies the rules of every folder above too). Returns
    /// the subfolders to visit.
    private mutating func visit(folder: String) throws(GitError) -> [String] {
        // O_NOFOLLOW: a folder that is a symlink is never entered (git does not follow it either).
        let descriptor = open(POSIXPath.join(lister.root, folder), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            // Unreadable: the reader reports its tracked files; gone or replaced: they are gone.
            if errno != ENOENT, errno != ENOTDIR, errno != ELOOP { unlisted.insert(folder) }
            return []
        }
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            unlisted.insert(folder)
            return []
        }
        defer { closedir(directory) }
        var subfolders: [String] = []
        let trackedHere = trackedByFolder[folder] ?? []
        let nameOffset = folder.isEmpty ? 0 : folder.utf8.count + 1
        while let item = readdir(directory) {
            guard let name = DirectoryEntryName.of(item), name != ".", name != "..", name != ".git" else { continue }
            var type = item.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                type = FileStatus.of(name: name, inDirectory: descriptor).map(Self.direntType) ?? UInt8(DT_UNKNOWN)
            }
            // Most entries are tracked files, which need no path of their own.
            if type == UInt8(DT_REG) || type == UInt8(DT_LNK),
               let position = trackedPosition(of: name, among: trackedHere, offset: nameOffset) {
                present[position] = true
                continue
            }
            let child = folder.isEmpty ? name : folder + "/" + name
            if type == UInt8(DT_DIR) {
                if trackedFolders.contains(child) {
                    subfolders.append(child)
                } else if try !lister.isIgnored(child + "/"),
                          !Self.isNestedRepository(POSIXPath.join(lister.root, child)) {
                    subfolders.append(child)
                }
            } else if type == UInt8(DT_REG) || type == UInt8(DT_LNK) {
                // FIFOs, sockets and devices are never listed, tracked path or not.
                if try !lister.isIgnored(child) {
                    let executable = type == UInt8(DT_REG)
                        && (FileStatus.of(name: name, inDirectory: descriptor)?.isExecutable ?? false)
                    untracked.append(FileEntry(path: child, isExecutable: executable))
                }
            }
        }
        return subfolders
    }

    /// An untracked folder with its own `.git` is another repository (libgit2 and git skip it).
    private static func isNestedRepository(_ path: String) -> Bool {
        FileStatus.of(path: path + "/.git") != nil
    }

    private static func direntType(_ status: FileStatus) -> UInt8 {
        if status.isDirectory { return UInt8(DT_DIR) }
        if status.isRegularFile { return UInt8(DT_REG) }
        if status.isSymlink { return UInt8(DT_LNK) }
        return UInt8(DT_UNKNOWN)
    }
}
