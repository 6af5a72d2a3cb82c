/// Reads an `if`/`while`/ternary test as a `Condition` on env vars and argv. Flags assigned in
/// this file (`USE_WEBHOOK = os.getenv(...) == "1"`) are followed; what cannot be read becomes
/// `.opaque` with the source text, which for `settings.X` or an imported flag is exactly the
/// dotted name, so the linker can still look it up.
struct PythonConditionBuilder: Sendable {
    let resolver: PythonValueResolver
    private static let maxDepth = 10
    private static let caseFolds: Set<String> = ["lower", "upper", "casefold"]
    private static let truthyWords = ["true", "1", "yes"]

    func condition(_ expr: PyExpr, in scope: PythonScope, depth: Int = 0) -> Condition {
        guard depth < Self.maxDepth else { return opaque(expr) }
        let next = depth + 1
        switch expr.node {
        case .not(let inner):
            return condition(inner, in: scope, depth: next).negated
        case .boolean(let isAnd, let operands):
            let parts = operands.map { condition($0, in: scope, depth: next) }
            return isAnd ? .all(parts) : .any(parts)
        case .constant("True"):
            return .always
        case .constant("False"), .constant("None"):
            return .never
        case .compare(let lhs, let comparisons) where comparisons.count == 1:
            return comparison(lhs, comparisons[0], expr, in: scope, depth: next)
        case .call(let callee, _):
            return callCondition(expr, callee: callee, in: scope, depth: next)
        case .name, .attribute:
            return truthiness(expr, in: scope, depth: next)
        case .walrus(_, let inner):
            return condition(inner, in: scope, depth: next)
        default:
            return opaque(expr)
        }
    }

    private func opaque(_ expr: PyExpr) -> Condition { .opaque(resolver.text(expr)) }

    private func callCondition(_ call: PyExpr, callee: PyExpr, in scope: PythonScope, depth: Int) -> Condition {
        if callee.dottedName == "bool", let inner = call.argument(nil, position: 0) {
            return condition(inner, in: scope, depth: depth)
        }
        if let boolean = booleanEnvRead(call) { return boolean }
        if case .env(let name, let fallback) = resolver.value(call, in: scope), fallback?.isEmpty ?? true {
            return .envSet(name)
        }
        return opaque(call)
    }

    /// environs `env.bool("X")` and decouple `config("X", cast=bool)`.
    private func booleanEnvRead(_ call: PyExpr) -> Condition? {
        guard case .env(let name, _)? = resolver.envRead(call) else { return nil }
        let isBool = call.callee?.dottedName == "env.bool" || call.argument("cast")?.dottedName == "bool"
        guard isBool else { return nil }
        return .any(Self.truthyWords.map { .envEquals(name, $0, caseInsensitive: true) })
    }

    /// A bare name or attribute used as a test.
    private func truthiness(_ expr: PyExpr, in scope: PythonScope, depth: Int) -> Condition {
        if case .attribute(let base, let member) = expr.node, case .name = base.node,
           let flag = resolver.index.argparseFlags[member], resolver.attributeBinding(base, member, in: scope) == nil {
            return .argument(flag)
        }
        if let bound = boundExpression(expr, in: scope) {
            switch bound.node {
            case .compare, .boolean, .not, .call, .constant:
                // A flag that cannot be read is reported by its own name, not its definition.
                let resolved = condition(bound, in: scope, depth: depth)
                if case .opaque = resolved { return opaque(expr) }
                return resolved
            default:
                break
            }
        }
        if case .env(let name, let fallback) = resolver.value(expr, in: scope), fallback?.isEmpty ?? true {
            return .envSet(name)
        }
        return opaque(expr)
    }

    private func boundExpression(_ expr: PyExpr, in scope: PythonScope) -> PyExpr? {
        switch expr.node {
        case .name(let name):
            if case .value(let bound) = resolver.binding(of: name, in: scope) { return bound }
        case .attribute(let base, let member):
            return resolver.attributeBinding(base, member, in: scope)
        default:
            break
        }
        return nil
    }

    private func comparison(_ lhs: PyExpr, _ comparison: PyComparison, _ expr: PyExpr, in scope: PythonScope,
                            depth: Int) -> Condition {
        let rhs = comparison.operand
        switch comparison.op {
        case "in", "not in":
            let positive = membership(lhs, rhs, expr, in: scope)
            return comparison.op == "in" ? positive : positive.negated
        case "==", "!=":
            let positive = equality(lhs, rhs, expr, in: scope)
            return comparison.op == "==" ? positive : positive.negated
        case "is", "is not":
            guard case .constant("None") = rhs.node, let operand = envOperand(lhs, in: scope) else { return opaque(expr) }
            return comparison.op == "is" ? .not(.envSet(operand.name)) : .envSet(operand.name)
        default:
            return opaque(expr)
        }
    }

    private func membership(_ lhs: PyExpr, _ rhs: PyExpr, _ expr: PyExpr, in scope: PythonScope) -> Condition {
        if rhs.dottedName == "sys.argv", let argument = lhs.stringValue { return .argument(argument) }
        if PythonValueResolver.isEnvironMapping(rhs), let name = lhs.stringValue { return .envSet(name) }
        guard case .collection(let items) = rhs.node, let operand = envOperand(lhs, in: scope) else { return opaque(expr) }
        let values = items.compactMap(\.stringValue)
        guard values.count == items.count, !values.isEmpty else { return opaque(expr) }
        return .any(values.map { envEquals(operand, $0) })
    }

    private func equality(_ lhs: PyExpr, _ rhs: PyExpr, _ expr: PyExpr, in scope: PythonScope) -> Condition {
        let pairs = [(lhs, rhs), (rhs, lhs)]
        for (subject, literal) in pairs {
            guard let value = literal.stringValue else { continue }
            if case .subscripted(let base, _) = subject.node, base.dottedName == "sys.argv" { return .argument(value) }
            if let operand = envOperand(subject, in: scope) { return envEquals(operand, value) }
        }
        return opaque(expr)
    }

    private func envEquals(_ operand: (name: String, caseInsensitive: Bool), _ value: String) -> Condition {
        .envEquals(operand.name, operand.caseInsensitive ? value.lowercased() : value,
                   caseInsensitive: operand.caseInsensitive)
    }

    /// An expression that reads one env var, possibly case-folded (`os.getenv("M", "").lower()`).
    private func envOperand(_ expr: PyExpr, in scope: PythonScope, depth: Int = 0) -> (name: String, caseInsensitive: Bool)? {
        guard depth < Self.maxDepth else { return nil }
        if case .call(let callee, let args) = expr.node, args.isEmpty, case .attribute(let base, let method) = callee.node {
            if Self.caseFolds.contains(method), let inner = envOperand(base, in: scope, depth: depth + 1) {
                return (inner.name, true)
            }
            if method == "strip" { return envOperand(base, in: scope, depth: depth + 1) }
        }
        if case .name = expr.node, let bound = boundExpression(expr, in: scope), case .call = bound.node {
            if let inner = envOperand(bound, in: scope, depth: depth + 1) { return inner }
        }
        if case .env(let name, _) = resolver.value(expr, in: scope) { return (name, false) }
        return nil
    }
}
