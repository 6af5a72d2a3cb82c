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
        let virtualenvs = Set(entries.lazy
            .filter { PathUtil.hasSuffix($0.path, "/pyvenv.cfg") }
            .map { PathUtil.directory(of: $0.path) })
        return entries.filter { !isInsideDependency($0.path, virtualenvs: virtualenvs) }
    }

    /// Byte-level scan: this runs for every entry of large repositories, where splitting each
    /// path into `String` components would cost more than listing the files did.
    private static func isInsideDependency(_ path: String, virtualenvs: Set<String>) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            var componentStart = 0
            for index in bytes.indices where bytes[index] == UInt8(ascii: "/") {
                let folder = UnsafeBufferPointer(rebasing: bytes[componentStart..<index])
                // Lengths first: most folder names match none of them.
                if dependencyNameBytes.contains(where: { $0.count == folder.count && $0.elementsEqual(folder) }) { return true }
                if !virtualenvs.isEmpty, virtualenvs.contains(String(decoding: bytes[..<index], as: UTF8.self)) { return true }
                componentStart = index + 1
            }
            return false
        }
    }
}
