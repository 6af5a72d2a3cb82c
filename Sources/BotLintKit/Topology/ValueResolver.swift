/// Resolves `ValueExpr.symbol`/`.attribute` across files: imported names, config modules,
/// Django settings and pydantic settings classes. Bounded, cycle-safe.
struct ValueResolver {
    let index: RepositoryIndex
    let importer: ImportResolver

    func resolve(_ value: ValueExpr, in path: String, depth: Int = 0) -> ValueExpr {
        guard depth < 12 else { return value }
        switch value {
        case .symbol(let name):
            guard let code = index.code(path) else { return value }
            if let local = code.assignments[name], local != value {
                return resolve(local, in: path, depth: depth + 1)
            }
            if let binding = code.imports.first(where: { $0.localName == name }),
               let target = importer.file(for: binding, from: path) {
                let member = binding.importedName ?? name
                if member == "*" { return value }
                if let targetCode = index.code(target), let v = targetCode.assignments[member] {
                    return resolve(v, in: target, depth: depth + 1)
                }
            }
            // Go, Java, Kotlin, C# and Swift share names across the files of a package or module.
            if let shared = index.packageSibling(defining: name, of: path) {
                return resolve(shared.value, in: shared.path, depth: depth + 1)
            }
            // A bot client built in another file of the module (`Program.cs`, a Spring config).
            if name.hasPrefix("bot:") {
                for file in importer.moduleFiles where file != path {
                    if let value = index.code(file)?.assignments[name] { return resolve(value, in: file, depth: depth + 1) }
                }
            }
            // `from config import *` style: a star import that defines the name.
            for binding in code.imports where binding.importedName == "*" {
                if let target = importer.file(for: binding, from: path),
                   let v = index.code(target)?.assignments[name] {
                    return resolve(v, in: target, depth: depth + 1)
                }
            }
            return value
        case .attribute(let base, let name) where base == ValueExpr.settingsBase:
            return AppSettingsLookup(index: index).value(of: name, near: path)
        case .attribute(let base, let name):
            return resolveAttribute(base: base, name: name, in: path, depth: depth) ?? value
        case .concat(let parts):
            return .concat(parts.map { resolve($0, in: path, depth: depth + 1) })
        case .unknown(let text):
            // A parameter that shadows a module-level bot (`async def on_startup(bot: Bot)` in
            // aiogram) is that bot: the framework passes the one the module built.
            if text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), let held = index.code(path)?.assignments[text],
               held != value {
                return resolve(held, in: path, depth: depth + 1)
            }
            return value
        case .env, .literal:
            return value
        }
    }

    private func resolveAttribute(base: String, name: String, in path: String, depth: Int) -> ValueExpr? {
        guard let code = index.code(path) else { return nil }
        // A settings object: `settings = Settings()` → `Settings.name` field.
        if let held = code.assignments[base] {
            if case .symbol(let className) = held {
                if let field = settingsField(className, name, in: path) { return resolve(field, in: path, depth: depth + 1) }
            }
            if case .attribute = held { return nil }
        }
        if let field = code.settingsFields["\(base).\(name)"] { return resolve(field, in: path, depth: depth + 1) }
        // An imported module or object: `import config` / `from app.core import settings`.
        if let binding = code.imports.first(where: { $0.localName == base }) {
            if binding.module == "django.conf", binding.importedName == "settings" {
                return djangoSetting(name, depth: depth)
            }
            if let target = importer.file(for: binding, from: path), let targetCode = index.code(target) {
                if binding.importedName == nil || importer.isModule(binding, from: path) {
                    if let v = targetCode.assignments[name] { return resolve(v, in: target, depth: depth + 1) }
                    if let field = targetCode.settingsFields.first(where: { $0.key.hasSuffix(".\(name)") })?.value {
                        return field
                    }
                } else if let member = binding.importedName, let held = targetCode.assignments[member] {
                    if case .symbol(let className) = held,
                       let field = settingsField(className, name, in: target) {
                        return resolve(field, in: target, depth: depth + 1)
                    }
                }
            }
        }
        return nil
    }

    private func settingsField(_ className: String, _ field: String, in path: String) -> ValueExpr? {
        guard let code = index.code(path) else { return nil }
        if let v = code.settingsFields["\(className).\(field)"] { return v }
        if let binding = code.imports.first(where: { $0.localName == className }),
           let target = importer.file(for: binding, from: path),
           let v = index.code(target)?.settingsFields["\((binding.importedName ?? className)).\(field)"] {
            return v
        }
        return nil
    }

    /// `django.conf.settings.X`: the X assigned in a settings module of the repository.
    private func djangoSetting(_ name: String, depth: Int) -> ValueExpr? {
        let candidates = index.pythonFiles(named: "settings") + index.pythonFiles(named: "base")
            + index.pythonFiles(named: "production")
        for path in candidates {
            if let v = index.code(path)?.assignments[name] { return resolve(v, in: path, depth: depth + 1) }
        }
        return nil
    }
}

/// Resolves import bindings to files of the repository (Python and JavaScript).
struct ImportResolver {
    let index: RepositoryIndex
    /// Extra Python roots (the process's working directory and entry folder).
    var pythonRoots: [String]
    /// Files a Go/Rust/JVM/.NET/Swift process loads as one module: where a bot built in one
    /// file is found by code in another.
    var moduleFiles: [String] = []

    func file(for binding: ImportBinding, from path: String) -> String? {
        guard let code = index.code(path) else { return nil }
        switch code.language {
        case .python:
            if let member = binding.importedName, member != "*",
               let submodule = index.resolvePythonModule(joinModule(binding.module, member), from: path, roots: pythonRoots) {
                return submodule
            }
            return index.resolvePythonModule(binding.module, from: path, roots: pythonRoots)
        case .javascript, .typescript:
            return index.resolveJavaScript(binding.module, from: path)
        case .go, .ruby, .php:
            return files(for: binding, from: path).first
        case .rust, .java, .kotlin, .csharp, .swift, .settings, .other:
            return nil
        }
    }

    /// `from app import config` binds a module when `app/config.py` exists.
    func isModule(_ binding: ImportBinding, from path: String) -> Bool {
        guard let member = binding.importedName, member != "*" else { return true }
        return index.resolvePythonModule(joinModule(binding.module, member), from: path, roots: pythonRoots) != nil
    }

    /// Every file an import statement may load (the module and, for `from m import a`, `m.a`).
    func files(for binding: ImportBinding, from path: String) -> [String] {
        guard let code = index.code(path) else { return [] }
        switch code.language {
        case .python:
            var result: [String] = []
            if let m = index.resolvePythonModule(binding.module, from: path, roots: pythonRoots) { result.append(m) }
            if let member = binding.importedName, member != "*",
               let sub = index.resolvePythonModule(joinModule(binding.module, member), from: path, roots: pythonRoots) {
                result.append(sub)
            }
            return result
        case .javascript, .typescript:
            return index.resolveJavaScript(binding.module, from: path).map { [$0] } ?? []
        case .go:
            return index.goPackageFiles(importPath: binding.module, from: path)
        case .ruby:
            return index.resolveScriptInclude(binding.module, from: path, extension: "rb").map { [$0] } ?? []
        case .php:
            return index.resolveScriptInclude(binding.module, from: path, extension: "php").map { [$0] } ?? []
        // Their entries load a whole module or crate (see EntryResolver): no per-file imports.
        case .rust, .java, .kotlin, .csharp, .swift, .settings, .other:
            return []
        }
    }

    private func joinModule(_ module: String, _ member: String) -> String {
        module.hasSuffix(".") ? module + member : module + "." + member
    }
}
