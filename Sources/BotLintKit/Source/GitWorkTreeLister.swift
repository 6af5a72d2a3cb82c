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
    /// Lists folders on a second thread while the index is read (tests turn it off to check
    /// that it changes nothing).
    var prefetchesFolders = true

    /// Sorted entries under `scope`, not yet bounded in count, and a note when folders were
    /// nested too deep to look for new files in.
    func entries() throws(GitError) -> (entries: [FileEntry], notes: [Note]) {
        let limits = ListingLimits.standard
        // The index is read on this thread meanwhile.
        let prefetch = prefetchesFolders ? DirectoryPrefetch(root: root, scope: scope, maxDepth: limits.maxDepth) : nil
        let index: GitIndexPaths
        do {
            index = try repository.indexPaths()
        } catch {
            _ = prefetch?.finish()
            throw error
        }
        let tracked = TrackedFiles(index, scope: scope)
        var walk = WorkTreeWalk(lister: self, tracked: tracked, limits: limits, listed: prefetch?.finish() ?? [:])
        try walk.run(from: scope)
        let notes = walk.firstTooDeep.map { [limits.depthNote(folder: $0)] } ?? []
        return (ExcludedFolders.removingDependencies(from: walk.sortedEntries()), notes)
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
    let limits: ListingLimits
    private var tracked: TrackedFiles
    /// Positions of the tracked files directly in each folder, in name (byte) order. Looking a
    /// name up in its folder's short list replaced one table over every tracked path, whose
    /// lookups missed the cache on every file of a large repository.
    private let trackedByFolder: [String: [Int]]
    /// Every folder holding a tracked file, at any depth.
    private let trackedFolders: Set<String>
    /// Folders already listed (by `DirectoryPrefetch`); taken as the walk reaches them.
    private var listed: [String: DirectoryListing.Outcome]
    private var present: [Bool]
    private(set) var untracked: [FileEntry] = []
    /// Folders whose tracked files are kept unseen: unreadable, or past the depth limit.
    private var unlisted: Set<String> = []
    private(set) var firstTooDeep: String?

    init(lister: GitWorkTreeLister, tracked: TrackedFiles, limits: ListingLimits, listed: [String: DirectoryListing.Outcome]) {
        self.lister = lister
        self.tracked = tracked
        self.limits = limits
        self.listed = listed
        var byFolder: [String: [Int]] = [:]
        var folders: Set<String> = [""]
        tracked.bytes.withUnsafeBytes { bytes in
            let starts = tracked.starts
            // Consecutive files mostly share a folder: one table update per run of them.
            var run: [Int] = []
            var runFolder = 0..<0
            func flush() {
                guard !run.isEmpty else { return }
                let folder = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[runFolder]), as: UTF8.self)
                byFolder[folder, default: []] += run
                var ancestor = folder
                while folders.insert(ancestor).inserted, !ancestor.isEmpty {
                    ancestor = PathUtil.directory(of: ancestor)
                }
            }
            for position in 0..<tracked.count {
                let start = starts[position]
                let path = UnsafeRawBufferPointer(rebasing: bytes[start..<starts[position + 1]])
                let slash = path.lastIndex(of: UInt8(ascii: "/")).map { start + $0 } ?? start
                let folder = start..<slash
                if folder.count == runFolder.count, !run.isEmpty,
                   TrackedFiles.order(UnsafeRawBufferPointer(rebasing: bytes[folder]),
                                      UnsafeRawBufferPointer(rebasing: bytes[runFolder])) == 0 {
                    run.append(position)
                    continue
                }
                flush()
                runFolder = folder
                run = [position]
            }
            flush()
        }
        // Already in byte order unless the index sorts case-insensitively (core.ignorecase):
        // then a real sort, so that the search by bytes holds either way.
        trackedByFolder = byFolder.mapValues { positions in
            Self.isInByteOrder(positions, tracked) ? positions : positions.sorted { Self.compare(tracked, $0, $1) < 0 }
        }
        trackedFolders = folders
        present = Array(repeating: false, count: tracked.count)
    }

    private static func isInByteOrder(_ positions: [Int], _ tracked: TrackedFiles) -> Bool {
        zip(positions, positions.dropFirst()).allSatisfy { compare(tracked, $0, $1) < 0 }
    }

    private static func compare(_ tracked: TrackedFiles, _ a: Int, _ b: Int) -> Int {
        tracked.bytes.withUnsafeBytes { bytes in
            TrackedFiles.order(UnsafeRawBufferPointer(rebasing: bytes[tracked.starts[a]..<tracked.starts[a + 1]]),
                               UnsafeRawBufferPointer(rebasing: bytes[tracked.starts[b]..<tracked.starts[b + 1]]))
        }
    }

    /// Tracked files the walk saw (or could not look for) and new files, sorted by path. Ends
    /// the walk: the tracked entries are moved out.
    mutating func sortedEntries() -> [FileEntry] {
        let seen = tracked.takeEntries(keeping: present)
        guard !untracked.isEmpty else {
            return tracked.isInStringOrder ? seen : seen.sorted { $0.path < $1.path }
        }
        guard tracked.isInStringOrder else { return (seen + untracked).sorted { $0.path < $1.path } }
        // A few new files among many tracked ones: merged, not sorted again.
        let new = untracked.sorted { $0.path < $1.path }
        var merged: [FileEntry] = []
        merged.reserveCapacity(seen.count + new.count)
        var i = 0, j = 0
        while i < seen.count, j < new.count {
            if new[j].path < seen[i].path { merged.append(new[j]); j += 1 } else { merged.append(seen[i]); i += 1 }
        }
        merged += seen[i...]
        merged += new[j...]
        return merged
    }

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
        for (position, entry) in tracked.entries.enumerated() where !present[position] {
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
        let folderPath = POSIXPath.join(lister.root, folder)
        var subfolders: [String] = []
        let trackedHere = trackedByFolder[folder] ?? []
        let nameOffset = folder.isEmpty ? 0 : folder.utf8.count + 1
        var failure: GitError?
        func entry(_ entryName: DirectoryListing.Name, _ direntType: UInt8) -> Bool {
            var type = direntType
            // Kept for the executable bit of a new file, so it is not looked up twice.
            var status: FileStatus?
            if type == UInt8(DT_UNKNOWN), let name = entryName.string {
                status = FileStatus.of(path: POSIXPath.join(folderPath, name))
                type = status.map(Self.direntType) ?? UInt8(DT_UNKNOWN)
            }
            // Most entries are tracked files, which need no `String` of their own.
            if Self.isFile(type), let position = trackedPosition(of: entryName.bytes, among: trackedHere, offset: nameOffset) {
                present[position] = true
                return true
            }
            guard let name = entryName.string, name != ".git" else { return true }
            let child = folder.isEmpty ? name : folder + "/" + name
            do throws(GitError) {
                if type == UInt8(DT_DIR) {
                    if trackedFolders.contains(child) {
                        subfolders.append(child)
                    } else if try !lister.isIgnored(child + "/"),
                              !Self.isNestedRepository(POSIXPath.join(lister.root, child)) {
                        subfolders.append(child)
                    }
                } else if Self.isFile(type), try !lister.isIgnored(child) {
                    // FIFOs, sockets and devices are never listed, tracked path or not.
                    let executable = type == UInt8(DT_REG)
                        && ((status ?? FileStatus.of(path: POSIXPath.join(folderPath, name)))?.isExecutable ?? false)
                    untracked.append(FileEntry(path: child, isExecutable: executable))
                }
            } catch {
                failure = error
                return false
            }
            return true
        }
        // A folder listed ahead, or read now without keeping its entries.
        let unreadable: DirectoryListing.Failure?
        switch listed.removeValue(forKey: folder) {
        case .success(let listing)?:
            listing.forEach(entry)
            unreadable = nil
        case .failure(let reason)?:
            unreadable = reason
        case nil:
            unreadable = DirectoryListing.stream(folderPath, entry)
        }
        switch unreadable {
        case .unopenable(let code)?:
            // Unreadable: the reader reports its tracked files; gone or replaced: they are gone.
            if code != ENOENT, code != ENOTDIR, code != ELOOP { unlisted.insert(folder) }
            return []
        case .unreadable?:
            unlisted.insert(folder)
            return []
        case nil:
            break
        }
        if let failure { throw failure }
        return subfolders
    }

    private static func isFile(_ type: UInt8) -> Bool { type == UInt8(DT_REG) || type == UInt8(DT_LNK) }

    /// The position of tracked file `name` among `positions`, the tracked files of one folder:
    /// a binary search by name bytes (git's order). `offset` is where names start in their paths.
    private func trackedPosition(of name: UnsafeRawBufferPointer, among positions: [Int], offset: Int) -> Int? {
        tracked.bytes.withUnsafeBytes { bytes in
            tracked.starts.withUnsafeBufferPointer { starts in
                positions.withUnsafeBufferPointer { positions in
                    var low = 0, high = positions.count
                    while low < high {
                        let middle = (low + high) / 2
                        let position = positions[middle]
                        let order = TrackedFiles.order(name, UnsafeRawBufferPointer(
                            rebasing: bytes[(starts[position] + offset)..<starts[position + 1]]))
                        if order == 0 { return position }
                        if order > 0 { low = middle + 1 } else { high = middle }
                    }
                    return nil
                }
            }
        }
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
