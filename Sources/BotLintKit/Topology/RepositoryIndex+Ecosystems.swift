/// Lookups for the ecosystems whose unit is a folder or a file include: Go packages, Ruby
/// `require_relative`, PHP `require`, and names shared across a package's files.
extension RepositoryIndex {
    /// Source files below `directory` (recursive), sorted, skipping build output and dependencies.
    func files(under directory: String, extensions: Set<String>, excluding excludedFolders: Set<String> = []) -> [String] {
        let prefix = directory.isEmpty ? "" : directory + "/"
        return paths.sorted.filter { path in
            guard path.hasPrefix(prefix), extensions.contains(PathUtil.fileExtension(path)) else { return false }
            let folders = path.dropFirst(prefix.count).split(separator: "/").dropLast()
            return !folders.contains { Self.skippedFolders.contains(String($0)) || excludedFolders.contains(String($0)) }
        }
    }

    private static let skippedFolders: Set<String> = ["vendor", "node_modules", "target", "build", "bin", "obj", ".build",
                                                      "test", "tests", "Tests", "spec", "testdata"]

    /// The non-test `.go` files of one folder: a Go package.
    func goFiles(in directory: String) -> [String] {
        paths(inDirectory: directory).filter { $0.hasSuffix(".go") && !$0.hasSuffix("_test.go") }
    }

    /// The files of a module-local package an import path names. Without reading go.mod, the
    /// module path is taken as `host/owner/repo` (for github.com-style hosts) or any prefix, and
    /// the rest must be a folder of Go files under the importer's module root.
    func goPackageFiles(importPath: String, from importer: String) -> [String] {
        let parts = importPath.split(separator: "/").map(String.init)
        // Standard library packages have no dot in their first element.
        guard let host = parts.first, host.contains("."), parts.count > 1 else { return [] }
        guard let root = goModuleRoot(of: importer) else { return [] }
        let minimumDropped = ["github.com", "gitlab.com", "bitbucket.org", "codeberg.org"].contains(host) ? 3 : 1
        guard parts.count > minimumDropped else { return [] }
        for dropped in minimumDropped..<parts.count {
            let folder = PathUtil.join(root, parts[dropped...].joined(separator: "/"))
            let files = goFiles(in: folder)
            if !files.isEmpty { return files }
        }
        return []
    }

    /// The folder of the nearest `go.mod` above a file, or nil outside a module.
    func goModuleRoot(of path: String) -> String? {
        nearestFolder(containing: "go.mod", from: PathUtil.directory(of: path))
    }

    /// The nearest folder at or above `directory` that holds `name`.
    func nearestFolder(containing name: String, from directory: String) -> String? {
        var dir = directory
        while true {
            if exists(PathUtil.join(dir, name)) { return dir }
            if dir.isEmpty { return nil }
            dir = PathUtil.directory(of: dir)
        }
    }

    /// `require_relative "lib/bot"` / `require __DIR__ . '/src/Bot.php'`: relative to the
    /// including file, the extension optional; plain Ruby `require "bot"` also tries `lib/`.
    func resolveScriptInclude(_ module: String, from importer: String, extension ext: String) -> String? {
        let base = PathUtil.directory(of: importer)
        let name = PathUtil.fileExtension(module) == ext ? module : module + "." + ext
        var candidates = [PathUtil.join(base, name)]
        if ext == "rb", !module.hasPrefix(".") {
            var dir = base
            while true {
                candidates.append(PathUtil.join(PathUtil.join(dir, "lib"), name))
                if dir.isEmpty { break }
                dir = PathUtil.directory(of: dir)
            }
        }
        return candidates.first { exists($0) && !$0.split(separator: "/").contains("vendor") }
    }

    /// A name another file of the same package (folder) defines: Go package-level variables,
    /// Java/Kotlin/C#/Swift fields of classes in the same folder.
    func packageSibling(defining name: String, of path: String) -> (path: String, value: ValueExpr)? {
        guard let language = code(path)?.language, [.go, .java, .kotlin, .csharp, .swift].contains(language) else { return nil }
        for sibling in paths(inDirectory: PathUtil.directory(of: path)) where sibling != path {
            guard let other = code(sibling), other.language == language, let value = other.assignments[name] else { continue }
            return (sibling, value)
        }
        return nil
    }
}
