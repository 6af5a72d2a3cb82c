#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Folders whose files botlint does not list.
///
/// Two tiers. Installed third-party code is dropped everywhere, in git listings too: public
/// repositories do commit their virtualenv or `node_modules`, and library sources (which define
/// and call `start_polling`) would otherwise read as bots. Caches, build outputs, editor and VCS
/// folders are dropped only by the plain walk, where no `.gitignore` says what is generated;
/// in a git listing a committed `dist/` may be what the deploy actually runs.
///
/// `vendor/` is walk-only: it is third-party code in Go, PHP and Ruby projects, but when
/// committed to git it is part of what the repository ships.
enum ExcludedFolders {
    /// Python writes this file at the top of every virtualenv (venv, virtualenv ≥ 20, uv, poetry).
    static let virtualenvMarker = "pyvenv.cfg"

    private static let dependencyNames: Set<String> = ["node_modules", "site-packages", "bower_components"]
    private static let dependencyNameBytes = dependencyNames.sorted().map { Array($0.utf8) }

    private static let walkOnlyNames: Set<String> = [
        ".git", ".hg", ".svn",
        ".venv", "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache",
        "dist", "build", ".next", "target", "vendor",
        ".idea", ".vscode",
    ]

    /// Whether the walk skips a folder by its name alone (`.build*` covers SwiftPM scratch paths).
    static func walkSkips(folderNamed name: String) -> Bool {
        dependencyNames.contains(name) || walkOnlyNames.contains(name) || name.hasPrefix(".build")
    }

    /// Git entries minus those inside dependency folders or a virtualenv. A `pyvenv.cfg` at the
    /// top of the repository does not count: then the repository itself is what was asked for.
    static func removingDependencies(from entries: [FileEntry]) -> [FileEntry] {
        var virtualenvs = Set<String>()
        for entry in entries where PathUtil.hasSuffix(entry.path, "/pyvenv.cfg") {
            virtualenvs.insert(PathUtil.directory(of: entry.path))
        }
        var kept: [FileEntry] = []
        kept.reserveCapacity(entries.count)
        // Entries are sorted, so a folder's files mostly come one after another: each run of
        // them is judged once. This runs for every entry of large repositories.
        var lastFolder: String?
        var lastFolderIsDependency = false
        for entry in entries {
            var path = entry.path
            let excluded = path.withUTF8 { bytes in
                guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return false }
                let folder = UnsafeBufferPointer(rebasing: bytes[..<slash])
                if var last = lastFolder, last.withUTF8({ Self.equal($0, folder) }) {
                    return lastFolderIsDependency
                }
                lastFolder = String(decoding: folder, as: UTF8.self)
                lastFolderIsDependency = isDependency(folder: folder, virtualenvs: virtualenvs)
                return lastFolderIsDependency
            }
            if !excluded { kept.append(entry) }
        }
        return kept
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    /// Whether `folder` (a repository-relative path) is or is inside a dependency folder or a
    /// virtualenv: a byte-level scan, without splitting into `String` components.
    private static func isDependency(folder bytes: UnsafeBufferPointer<UInt8>, virtualenvs: Set<String>) -> Bool {
        var componentStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
            let component = UnsafeBufferPointer(rebasing: bytes[componentStart..<index])
            // Lengths first: most folder names match none of them.
            if dependencyNameBytes.contains(where: { $0.count == component.count && $0.elementsEqual(component) }) { return true }
            if !virtualenvs.isEmpty, virtualenvs.contains(String(decoding: bytes[..<index], as: UTF8.self)) { return true }
            componentStart = index + 1
        }
        return false
    }
}
