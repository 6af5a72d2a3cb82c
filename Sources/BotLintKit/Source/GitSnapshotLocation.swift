/// The repository a git snapshot source (the index, a revision) reads, and where the scanned
/// folder sits in it. Unlike the work tree reader there is no walk to fall back on: outside a
/// repository these sources have nothing to read, which is an error the user must see.
struct GitSnapshotLocation {
    let repository: GitRepository
    /// The work tree root (resolved); report paths are relative to it. For a bare repository,
    /// which has no work tree, the scanned folder.
    let root: String
    /// The scanned subfolder relative to `root` ("" = everything).
    let scope: String

    /// `what` names the snapshot in messages ("the index", "revision main").
    static func open(_ path: String, reading what: String, allowBare: Bool) throws -> GitSnapshotLocation {
        let folder = try WorkTreeSource.resolvedFolder(path)
        let repository: GitRepository
        switch GitRepository.discover(containing: folder) {
        case .notFound:
            throw FileSourceError("\(path) is not in a git repository, so \(what) cannot be read")
        case .failed(let error):
            throw FileSourceError(error.description)
        case .found(let found):
            repository = found
        }
        guard !repository.isBare, let workDirectory = repository.workDirectory else {
            guard allowBare else {
                throw FileSourceError("\(path) is in a bare repository, which has no index to check")
            }
            return GitSnapshotLocation(repository: repository, root: folder, scope: "")
        }
        guard let root = POSIXPath.resolved(workDirectory),
              let scope = POSIXPath.relative(folder, to: root) else {
            throw FileSourceError("\(path) is not inside the repository's work tree \(workDirectory)")
        }
        return GitSnapshotLocation(repository: repository, root: root, scope: scope)
    }

    func isInScope(_ path: String) -> Bool {
        scope.isEmpty || path.hasPrefix(scope + "/")
    }
}
