import Foundation

/// Lookups over every file's analysis: by path, by folder, and module resolution for Python and
/// JavaScript imports. Built once; read by the linker.
struct RepositoryIndex: Sendable {
    let analyses: [String: FileAnalysis]
    let paths: ListedPaths
    private let tables: PathTables
    private let pythonResolutions = PythonResolutionMemo()
    private let deferredCode: DeferredCodeLoader?

    init(_ analyses: [FileAnalysis], paths: ListedPaths, deferredCode: DeferredCodeLoader? = nil) {
        self.deferredCode = deferredCode
        var byPath: [String: FileAnalysis] = [:]
        for a in analyses { byPath[a.path] = a }
        self.analyses = byPath
        self.paths = paths
        tables = PathTables(paths.sorted)
    }

    /// Every path by its folder, sorted: Go packages, Java modules and crates are folders.
    func paths(inDirectory directory: String) -> [String] { tables.paths(in: directory) }

    func code(_ path: String) -> CodeSummary? { analyses[path]?.code ?? deferredCode?.code(path) }
    func exists(_ path: String) -> Bool { paths.contains(path) || analyses[path] != nil }

    /// The nearest file with this name in `directory` or its ancestors (package.json, Procfile).
    func nearest(_ name: String, from directory: String, where accept: (FileAnalysis) -> Bool = { _ in true }) -> FileAnalysis? {
        var dir = directory
        while true {
            let candidate = dir.isEmpty ? name : dir + "/" + name
            if let a = analyses[candidate], accept(a) { return a }
            if dir.isEmpty { return nil }
            dir = PathUtil.directory(of: dir)
        }
    }

    // MARK: Python

    /// Resolves `app.bot` / `.config` imported from `importer`, trying the importer's package,
    /// the process's working directory, the repository root and `src/`.
    func resolvePythonModule(_ module: String, from importer: String, roots: [String]) -> String? {
        // Every process resolves the imports of every file it reaches again, and most imports
        // (the standard library, packages) fail only after every base was tried.
        let key = PythonResolutionMemo.Key(module: module, directory: PathUtil.directory(of: importer), roots: roots)
        if let known = pythonResolutions.lookUp(key) { return known }
        let resolved = resolvePythonModuleUncached(module, from: importer, roots: roots)
        pythonResolutions.remember(resolved, for: key)
        return resolved
    }

    private func resolvePythonModuleUncached(_ module: String, from importer: String, roots: [String]) -> String? {
        if module.hasPrefix(".") {
            let dots = module.prefix { $0 == "." }.count
            var base = PathUtil.directory(of: importer)
            for _ in 1..<max(dots, 1) { base = PathUtil.directory(of: base) }
            let rest = String(module.dropFirst(dots))
            return pythonFile(rest, under: base)
        }
        var tried = Set<String>()
        var bases = roots
        // Ancestors of the importer: a package's own siblings resolve without a root.
        var dir = PathUtil.directory(of: importer)
        while true {
            bases.append(dir)
            if dir.isEmpty { break }
            dir = PathUtil.directory(of: dir)
        }
        bases.append("src")
        for base in bases where tried.insert(base).inserted {
            if let file = pythonFile(module, under: base) { return file }
        }
        return nil
    }

    private func pythonFile(_ dotted: String, under base: String) -> String? {
        let rel = dotted.split(separator: ".").joined(separator: "/")
        if rel.isEmpty {
            let initFile = PathUtil.join(base, "__init__.py")
            return exists(initFile) ? initFile : nil
        }
        for candidate in [rel + ".py", rel + "/__init__.py"] {
            let path = PathUtil.join(base, candidate)
            if exists(path) { return path }
        }
        return nil
    }

    /// Every Python file with this module name (`settings` → all `settings.py`), for Django.
    func pythonFiles(named name: String) -> [String] { tables.pythonFiles(named: name) }

    // MARK: JavaScript

    static let jsExtensions = ["ts", "tsx", "mts", "cts", "js", "mjs", "cjs", "jsx"]

    /// Resolves a relative specifier (`./bot`, `../lib/x.js`, `@/bot`) to a file, including TS
    /// sources imported with a `.js` suffix and folder `index` files.
    func resolveJavaScript(_ specifier: String, from importer: String) -> String? {
        var spec = specifier
        var base = PathUtil.directory(of: importer)
        if spec.hasPrefix("@/") || spec.hasPrefix("~/") {
            spec = String(spec.dropFirst(2))
            base = nearestSourceRoot(from: base)
        } else if !(spec.hasPrefix("./") || spec.hasPrefix("../") || spec == "." || spec == "..") {
            return nil  // a package, not a file of this repository
        }
        return resolveJavaScriptPath(PathUtil.join(base, spec))
    }

    func resolveJavaScriptPath(_ path: String) -> String? {
        if exists(path), Self.jsExtensions.contains(PathUtil.fileExtension(path)) { return path }
        var stem = path
        let ext = PathUtil.fileExtension(path)
        if ["js", "mjs", "cjs", "jsx"].contains(ext) { stem = String(path.dropLast(ext.count + 1)) }
        for e in Self.jsExtensions {
            if exists(stem + "." + e) { return stem + "." + e }
        }
        for e in Self.jsExtensions {
            let index = PathUtil.join(stem, "index." + e)
            if exists(index) { return index }
        }
        return nil
    }

    private func nearestSourceRoot(from dir: String) -> String {
        var d = dir
        while true {
            let src = d.isEmpty ? "src" : d + "/src"
            if paths.containsPath(withPrefix: src + "/") { return src }
            if d.isEmpty { return "" }
            d = PathUtil.directory(of: d)
        }
    }

    /// Maps a build output (`dist/index.js`, `build/bot.js`) back to its source (`src/index.ts`).
    func sourceForBuildOutput(_ path: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        guard let outIndex = parts.firstIndex(where: { ["dist", "build", "out", "lib"].contains($0) }) else { return nil }
        let prefix = parts[..<outIndex].joined(separator: "/")
        let rest = parts[(outIndex + 1)...].joined(separator: "/")
        for srcDir in ["src", ""] {
            let base = PathUtil.join(prefix, srcDir)
            if let found = resolveJavaScriptPath(PathUtil.join(base, rest)) { return found }
        }
        return nil
    }
}

/// Python module resolutions already made: they depend on the module, the importing file's
/// folder and the process's roots only.
private final class PythonResolutionMemo: @unchecked Sendable {
    struct Key: Hashable {
        let module: String
        let directory: String
        let roots: [String]
    }

    private var resolved: [Key: String?] = [:]
    private let lock = NSLock()

    /// nil: not looked for yet; `.some(nil)`: the module is not a file of the repository.
    func lookUp(_ key: Key) -> String?? { lock.withLock { resolved[key] } }

    func remember(_ file: String?, for key: Key) { lock.withLock { _ = resolved.updateValue(file, forKey: key) } }
}

/// Tables over every listed path, each built on first use: only some ecosystems need them (Go,
/// JVM and .NET look files up by folder, Django settings by module name), and each costs an
/// entry per listed file.
private final class PathTables: @unchecked Sendable {
    private let sortedPaths: [String]
    private var byDirectory: [String: [String]]?
    private var pythonFilesByModuleName: [String: [String]]?
    private let lock = NSLock()

    init(_ sortedPaths: [String]) { self.sortedPaths = sortedPaths }

    func paths(in directory: String) -> [String] {
        lock.withLock {
            if byDirectory == nil {
                var table: [String: [String]] = [:]
                for path in sortedPaths { table[PathUtil.directory(of: path), default: []].append(path) }
                byDirectory = table
            }
            return byDirectory?[directory] ?? []
        }
    }

    func pythonFiles(named name: String) -> [String] {
        lock.withLock {
            if pythonFilesByModuleName == nil {
                var table: [String: [String]] = [:]
                for path in sortedPaths where PathUtil.hasSuffix(path, ".py") {
                    table[String(PathUtil.lastComponent(of: path).dropLast(3)), default: []].append(path)
                }
                pythonFilesByModuleName = table
            }
            return pythonFilesByModuleName?[name] ?? []
        }
    }
}
