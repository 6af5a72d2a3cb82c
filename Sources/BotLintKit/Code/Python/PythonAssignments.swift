/// Module-level names for `CodeSummary.assignments`: Telegram objects map to their token,
/// settings instances to their class, other values to what they resolve to.
enum PythonAssignments {
    static func collect(index: PythonModuleIndex, resolver: PythonValueResolver) -> [String: ValueExpr] {
        var result: [String: ValueExpr] = [:]
        let scope = PythonScope()
        for (name, expr) in index.bindings {
            if let object = resolver.object(expr, in: scope) {
                if let token = object.token { result[name] = token }
                continue
            }
            if let instance = settingsInstance(expr, index: index) {
                result[name] = .symbol(instance)
                continue
            }
            let value = resolver.value(expr, in: scope)
            if case .unknown = value, !countsCores(expr) { continue }
            result[name] = value
        }
        return result
    }

    /// `settings = Settings()` for a settings class defined here or imported (`from .config import Settings`).
    private static func settingsInstance(_ expr: PyExpr, index: PythonModuleIndex) -> String? {
        guard case .call(let callee, let arguments) = expr.node, case .name(let name) = callee.node else { return nil }
        if index.isSettingsClass(name) { return name }
        let imported = index.importedName(name).map { !PythonKnownModules.isLibrary($0.module) } ?? false
        return imported && arguments.isEmpty && name.first?.isUppercase == true ? name : nil
    }

    /// `multiprocessing.cpu_count() * 2 + 1`: unknown statically, but kept so a config file that
    /// sizes gunicorn by cores is told apart from one that sets nothing.
    private static func countsCores(_ expr: PyExpr) -> Bool {
        switch expr.node {
        case .call(let callee, _): callee.terminalName == "cpu_count"
        case .binary(_, let lhs, let rhs): countsCores(lhs) || countsCores(rhs)
        default: false
        }
    }
}
