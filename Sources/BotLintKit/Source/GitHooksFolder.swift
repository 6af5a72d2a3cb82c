import Foundation

/// The folder git runs hooks from, found the way git finds it: `core.hooksPath` from any config
/// level (a relative value resolves against the work tree root, where git runs hooks, or the
/// git folder of a bare repository), else `hooks/` in the common git folder, which all linked
/// worktrees share.
public enum GitHooksFolder {
    public static func locate(forRepositoryContaining path: String) throws -> String {
        let folder = try WorkTreeSource.resolvedFolder(path)
        let repository: GitRepository
        switch GitRepository.discover(containing: folder) {
        case .notFound: throw FileSourceError("\(path) is not in a git repository")
        case .failed(let error): throw FileSourceError(error.description)
        case .found(let found): repository = found
        }
        let configured: String?
        do {
            configured = try repository.configPath("core.hooksPath")
        } catch {
            throw FileSourceError(String(describing: error))
        }
        guard let configured, !configured.isEmpty else {
            return POSIXPath.join(repository.commonDirectory, "hooks")
        }
        let base = repository.workDirectory ?? repository.gitDirectory
        let url = configured.hasPrefix("/") ? URL(fileURLWithPath: configured)
            : URL(fileURLWithPath: base).appendingPathComponent(configured)
        return url.standardized.path
    }
}
