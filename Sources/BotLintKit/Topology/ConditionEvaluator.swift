/// Evaluates conditions in one process's environment with three-valued logic.
public struct ConditionEvaluator: Sendable {
    public var env: EnvScope
    public var argv: [String]
    /// Variables assumed set: the token a call uses (`if not TOKEN: exit()` guards nothing real:
    /// without its token the bot does not run at all).
    public var assumedSet: Set<String>

    public init(env: EnvScope, argv: [String], assumedSet: Set<String> = []) {
        self.env = env
        self.argv = argv
        self.assumedSet = assumedSet
    }

    public func evaluate(_ condition: Condition) -> Truth {
        switch condition {
        case .always: return .yes
        case .never: return .no
        case .envSet(let name):
            if assumedSet.contains(name) { return .yes }
            guard let value = env.value(of: name) else { return .unknown(dependsOn: [name]) }
            return value.isEmpty ? .no : .yes
        case .envEquals(let name, let expected, let caseInsensitive):
            guard let value = env.value(of: name) else { return .unknown(dependsOn: [name]) }
            let equal = caseInsensitive ? value.lowercased() == expected.lowercased() : value == expected
            return equal ? .yes : .no
        case .argument(let argument):
            return argv.contains(where: { $0 == argument || $0.hasPrefix(argument + "=") }) ? .yes : .no
        case .not(let inner):
            switch evaluate(inner) {
            case .yes: return .no
            case .no: return .yes
            case .unknown(let deps): return .unknown(dependsOn: deps)
            }
        case .and(let parts):
            var deps: [String] = []
            for part in parts {
                switch evaluate(part) {
                case .no: return .no
                case .yes: continue
                case .unknown(let d): deps.append(contentsOf: d.filter { !deps.contains($0) })
                }
            }
            return deps.isEmpty ? .yes : .unknown(dependsOn: deps)
        case .or(let parts):
            var deps: [String] = []
            for part in parts {
                switch evaluate(part) {
                case .yes: return .yes
                case .no: continue
                case .unknown(let d): deps.append(contentsOf: d.filter { !deps.contains($0) })
                }
            }
            return deps.isEmpty ? .no : .unknown(dependsOn: deps)
        case .opaque(let text):
            return .unknown(dependsOn: [text])
        }
    }

    /// Whether both can hold at once in this environment (an `if`/`else` pair cannot).
    /// Unknown atoms are enumerated; equalities on one variable exclude each other.
    public func canBothHold(_ a: Condition, _ b: Condition) -> Bool {
        let both = Condition.all([a, b])
        if evaluate(both) == .no { return false }
        let atoms = Self.atoms(of: both).filter { atom in
            if case .unknown = evaluate(atom) { return true }
            return false
        }
        guard !atoms.isEmpty else { return evaluate(both) != .no }
        guard atoms.count <= 10 else { return true }
        // One table, refilled for every mask: the keys stay, so it never grows or rehashes.
        var assignment = [Condition: Bool](minimumCapacity: atoms.count)
        for mask in 0..<(1 << atoms.count) {
            for (i, atom) in atoms.enumerated() { assignment[atom] = mask & (1 << i) != 0 }
            if Self.consistent(assignment), holds(both, under: assignment) { return true }
        }
        return false
    }

    private func holds(_ c: Condition, under assignment: [Condition: Bool]) -> Bool {
        if let value = assignment[c] { return value }
        switch c {
        case .not(let inner): return !holds(inner, under: assignment)
        case .and(let parts): return parts.allSatisfy { holds($0, under: assignment) }
        case .or(let parts): return parts.contains { holds($0, under: assignment) }
        default: return evaluate(c) == .yes
        }
    }

    static func atoms(of c: Condition) -> [Condition] {
        var result: [Condition] = []
        func walk(_ c: Condition) {
            switch c {
            case .not(let inner): walk(inner)
            case .and(let parts), .or(let parts): parts.forEach(walk)
            case .always, .never: break
            default: if !result.contains(c) { result.append(c) }
            }
        }
        walk(c)
        return result
    }

    /// A variable cannot equal two different values, and equal to a non-empty value means set.
    static func consistent(_ assignment: [Condition: Bool]) -> Bool {
        var equalTo: [String: String] = [:]
        var isSet: [String: Bool] = [:]
        for (atom, value) in assignment {
            if case .envSet(let name) = atom { isSet[name] = value }
        }
        for (atom, value) in assignment where value {
            guard case .envEquals(let name, let expected, let ci) = atom else { continue }
            let normalized = ci ? expected.lowercased() : expected
            if let other = equalTo[name], other.lowercased() != normalized.lowercased() { return false }
            equalTo[name] = normalized
            if isSet[name] == false, !expected.isEmpty { return false }
        }
        return true
    }
}
