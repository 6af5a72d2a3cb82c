/// Which files a process of the other ecosystems loads: a Go main package (its imports follow),
/// a Rust binary's crate, a JVM module, a .NET project, a PHP or Ruby script (its includes
/// follow), a Laravel artisan command, a Rails app, a Swift product, or a built binary traced
/// back to its sources.
extension EntryResolver {
    func program(_ launch: ProgramLaunch, cwd: String, depth: Int = 0) -> Resolved? {
        switch launch.kind {
        case .goPackage: return goPackage(launch.path, cwd: cwd)
        case .cargoBinary: return cargo(crate: PathUtil.join(cwd, launch.path), bin: launch.name)
        case .jvmApplication: return jvm(launch.path, cwd: cwd)
        case .dotnetProject: return dotnet(launch.path, cwd: cwd)
        case .phpScript, .rubyScript:
            guard let file = findScript(launch.path, cwd: cwd) else { return nil }
            return loading(file, roots: [file])
        case .artisanCommand: return artisan(launch, cwd: cwd)
        case .phpWebServer: return phpWeb(docroot: launch.path, cwd: cwd)
        case .rakeTask, .railsApp: return rails(launch, cwd: cwd)
        case .swiftProduct: return swiftProduct(launch.name, package: PathUtil.join(cwd, launch.path))
        case .builtBinary: return depth < 2 ? builtBinary(launch.path, cwd: cwd, depth: depth, byPath: true) : nil
        }
    }

    private func loading(_ entry: String, roots: [String], kind: EntryKind = .script, server: String? = nil) -> Resolved? {
        guard !roots.isEmpty else { return nil }
        return Resolved(entry: Entry(path: entry, kind: kind, server: server, reachable: []), roots: roots,
                        pythonRoots: [], copies: nil, workers: nil)
    }

    private func findScript(_ path: String, cwd: String) -> String? {
        if !path.hasPrefix("/") { return Self.searchDirectories(cwd).lazy.map { PathUtil.join($0, path) }.first(where: index.exists) }
        let parts = path.split(separator: "/").map(String.init)
        for start in parts.indices {
            let candidate = PathUtil.join(cwd, parts[start...].joined(separator: "/"))
            if index.exists(candidate) { return candidate }
        }
        return nil
    }

    // MARK: Go

    /// The path is relative to the working directory, or (a service folder of a monorepo) to
    /// one of its ancestors.
    private func goPackage(_ path: String, cwd: String) -> Resolved? {
        let isFile = path.hasSuffix(".go")
        let candidates = Self.searchDirectories(cwd).map { PathUtil.join($0, path) }
        let target = candidates.first { isFile ? index.exists($0) : !index.goFiles(in: $0).isEmpty } ?? PathUtil.join(cwd, path)
        let folder = isFile ? PathUtil.directory(of: target) : target
        let files = index.goFiles(in: folder)
        let entry = path.hasSuffix(".go") ? target : (files.first { $0.hasSuffix("/main.go") || $0 == "main.go" } ?? files.first)
        guard let entry else { return nil }
        return loading(entry, roots: isFile ? [target] : files)
    }

    // MARK: Rust

    /// `src/bin/<bin>.rs` or `src/bin/<bin>/main.rs` for a named binary, else `src/main.rs`; the
    /// rest of `src/` (modules) loads with it, other binaries do not.
    private func cargo(crate: String, bin: String?) -> Resolved? {
        let src = PathUtil.join(crate, "src")
        var candidates: [String] = []
        if let bin { candidates += [PathUtil.join(src, "bin/\(bin).rs"), PathUtil.join(src, "bin/\(bin)/main.rs")] }
        candidates.append(PathUtil.join(src, "main.rs"))
        guard let entry = candidates.first(where: index.exists) else { return nil }
        let modules = index.files(under: src, extensions: ["rs"]).filter { !$0.hasPrefix(src + "/bin/") }
        return loading(entry, roots: [entry] + modules.filter { $0 != entry })
    }

    private func cargoPackageName(_ crate: String) -> String? {
        guard case .literal(let name)? = index.code(PathUtil.join(crate, "Cargo.toml"))?.assignments[RustScanner.packageNameKey]
        else { return nil }
        return name
    }

    // MARK: JVM

    /// `target/app.jar` / `build/libs/app.jar` → the module above; every Java and Kotlin source
    /// of `src/main` loads (Spring instantiates every bean it finds).
    private func jvm(_ path: String, cwd: String) -> Resolved? {
        var module = cwd
        if PathUtil.fileExtension(path) == "jar" {
            let parts = PathUtil.join(cwd, path).split(separator: "/").map(String.init)
            if let output = parts.firstIndex(where: { $0 == "target" || $0 == "build" }) {
                module = parts[..<output].joined(separator: "/")
            }
        } else if path != "." {
            module = PathUtil.join(cwd, path)
        }
        let main = PathUtil.join(module, "src/main")
        var sources = index.files(under: main, extensions: ["java", "kt"])
        if sources.isEmpty { sources = index.files(under: module, extensions: ["java", "kt"]) }
        let entry = sources.first { index.code($0)?.facts.isEmpty == false } ?? sources.first
        guard let entry else { return nil }
        return loading(entry, roots: sources)
    }

    // MARK: .NET

    /// A project folder, a `.csproj`, or a published `Bot.dll` (the project named `Bot`): its
    /// `.cs` files, without nested projects.
    private func dotnet(_ path: String, cwd: String) -> Resolved? {
        var folder = PathUtil.join(cwd, path)
        let ext = PathUtil.fileExtension(path)
        if ext == "csproj" { folder = PathUtil.directory(of: folder) }
        if ext == "dll" {
            let project = ShellNames.basename(path).dropLast(4) + ".csproj"
            guard let found = index.paths.sorted.first(where: { ShellNames.basename($0) == project }) else { return nil }
            folder = PathUtil.directory(of: found)
        }
        let projects = Set(index.paths.sorted.filter { $0.hasSuffix(".csproj") }.map(PathUtil.directory(of:)))
        let sources = index.files(under: folder, extensions: ["cs"]).filter { file in
            var dir = PathUtil.directory(of: file)
            while dir != folder, !dir.isEmpty {
                if projects.contains(dir) { return false }
                dir = PathUtil.directory(of: dir)
            }
            return true
        }
        let entry = sources.first { $0.hasSuffix("/Program.cs") || $0 == "Program.cs" } ?? sources.first
        guard let entry else { return nil }
        return loading(entry, roots: sources)
    }

    // MARK: PHP

    /// `php artisan telegram:poll` runs the command class whose `$signature` names it.
    private func artisan(_ launch: ProgramLaunch, cwd: String) -> Resolved? {
        guard let command = launch.name, let artisan = findScript(launch.path, cwd: cwd) else { return nil }
        let app = PathUtil.directory(of: artisan)
        let file = index.files(under: PathUtil.join(app, "app"), extensions: ["php"]).first { path in
            guard case .literal(let signature)? = index.code(path)?.assignments["$signature"] else { return false }
            return signature.split(separator: " ").first.map(String.init) == command
        }
        guard let file else { return nil }
        return loading(file, roots: [file])
    }

    /// A web server runs any script of its document root per request; a Laravel app routes
    /// through `routes/` to its controllers.
    private func phpWeb(docroot: String, cwd: String) -> Resolved? {
        let root = PathUtil.join(cwd, docroot)
        var roots = index.files(under: root, extensions: ["php"])
        let app = index.exists(PathUtil.join(cwd, "artisan")) ? cwd : nil
        if let app {
            roots += index.files(under: PathUtil.join(app, "routes"), extensions: ["php"])
            roots += index.files(under: PathUtil.join(app, "app/Http"), extensions: ["php"])
        }
        guard let entry = roots.first(where: { $0.hasSuffix("index.php") }) ?? roots.first else { return nil }
        return loading(entry, roots: roots, server: "php")
    }

    // MARK: Ruby

    /// Rails boots `config/` (initializers, routes) in every process; `rails server` also loads
    /// the app's controllers; `rails runner Foo.start` and rake tasks the code they name.
    private func rails(_ launch: ProgramLaunch, cwd: String) -> Resolved? {
        let app = index.nearestFolder(containing: "Rakefile", from: cwd) ?? index.nearestFolder(containing: "config.ru", from: cwd) ?? cwd
        let routes = PathUtil.join(app, "config/routes.rb")
        let boot = index.files(under: PathUtil.join(app, "config"), extensions: ["rb"])
        // Routes serve requests only in a server; a rake task or runner loads them and serves nothing.
        var roots = boot.filter { $0 != routes }
        var kind = EntryKind.script
        var server: String?
        if launch.kind == .railsApp, launch.name == nil {
            roots = boot + index.files(under: PathUtil.join(app, "app"), extensions: ["rb"])
            kind = .webApp
            server = "rails"
        } else if launch.kind == .rakeTask {
            roots = [PathUtil.join(app, "Rakefile")].filter(index.exists) + index.files(under: PathUtil.join(app, "lib/tasks"), extensions: ["rb", "rake"]) + roots
        } else if let code = launch.name, let file = constantFile(code, app: app) {
            roots = [file] + roots
        }
        guard let entry = roots.first else { return nil }
        return loading(entry, roots: roots, kind: kind, server: server)
    }

    /// `TelegramPoller.start` → `app/**/telegram_poller.rb` or `lib/telegram_poller.rb`.
    private func constantFile(_ code: String, app: String) -> String? {
        let constant = code.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" }
        guard let first = constant.first, first.isUppercase else { return nil }
        let path = constant.split(separator: ":").map { part in
            part.enumerated().map { i, c in c.isUppercase ? (i > 0 ? "_" : "") + c.lowercased() : String(c) }.joined()
        }.joined(separator: "/") + ".rb"
        return index.paths.sorted.first { ($0.hasPrefix(PathUtil.join(app, "app") + "/") || $0.hasPrefix(PathUtil.join(app, "lib") + "/")) && $0.hasSuffix("/" + path) }
    }

    // MARK: Swift

    /// `Sources/<Product>/`, or every target when the package has one executable.
    private func swiftProduct(_ product: String?, package: String) -> Resolved? {
        let sources = PathUtil.join(package, "Sources")
        var files = product.map { index.files(under: PathUtil.join(sources, $0), extensions: ["swift"]) } ?? []
        if files.isEmpty { files = index.files(under: sources, extensions: ["swift"]) }
        let entry = files.first { $0.hasSuffix("/main.swift") || $0.hasSuffix("/entrypoint.swift") } ?? files.first
        guard let entry else { return nil }
        return loading(entry, roots: files)
    }

    // MARK: Built binaries

    /// A Dockerfile `RUN` that builds this name; else the ecosystem's own output folders
    /// (`target/release/x`, `.build/release/X`) or a Go main package named like the binary.
    ///
    /// A bare name (`CMD ["weatherbot"]`, found on PATH) resolves only through a Dockerfile build.
    func builtBinary(_ path: String, cwd: String, depth: Int, byPath: Bool) -> Resolved? {
        let name = ShellNames.basename(path)
        var dir = cwd
        while true {
            for candidate in index.paths(inDirectory: dir) {
                guard let info = index.analyses[candidate]?.dockerfile,
                      let built = info.builtPrograms.first(where: { $0.output == name })
                        // `cargo build --release` names the binary after the package (Cargo.toml).
                        ?? info.builtPrograms.first(where: { $0.output.isEmpty && $0.launch.kind == .cargoBinary
                            && cargoPackageName(PathUtil.join(dir, $0.launch.path)) == name })
                else { continue }
                if let resolved = program(built.launch, cwd: dir, depth: depth + 1) { return resolved }
            }
            if dir.isEmpty { break }
            dir = PathUtil.directory(of: dir)
        }
        guard byPath else { return nil }
        let parts = PathUtil.join(cwd, path).split(separator: "/").map(String.init)
        if let target = parts.firstIndex(of: "target"), target + 2 == parts.count - 1 {
            return cargo(crate: parts[..<target].joined(separator: "/"), bin: name)
        }
        if let build = parts.firstIndex(of: ".build") {
            return swiftProduct(name, package: parts[..<build].joined(separator: "/"))
        }
        if let root = index.nearestFolder(containing: "go.mod", from: cwd) {
            for folder in [PathUtil.join(root, "cmd/\(name)"), PathUtil.join(root, name)] where !index.goFiles(in: folder).isEmpty {
                return goPackage(folder, cwd: "")
            }
            // `go build -o bot .` at the module root: the root package is the only candidate.
            if !index.goFiles(in: root).isEmpty { return goPackage(root.isEmpty ? "." : root, cwd: "") }
        }
        return nil
    }
}
