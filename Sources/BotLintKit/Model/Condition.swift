/// A condition under which code runs, reduced to facts about the environment and argv.
/// Scanners build it from `if`/`else`/early returns/ternaries; the linker evaluates it in a
/// runner's EnvScope. What cannot be understood stays `opaque`, never guessed.
public indirect enum Condition: Hashable, Sendable, Codable {
    case always
    case never
    /// The variable is set and non-empty (`if os.getenv("X")`, `if (process.env.X)`).
    case envSet(String)
    /// The variable equals a value (`MODE == "webhook"`); `caseInsensitive` for `.lower() ==`.
    case envEquals(String, String, caseInsensitive: Bool)
    /// The process was started with this argument (`"--webhook" in sys.argv`, argparse flags).
    case argument(String)
    case not(Condition)
    case and([Condition])
    case or([Condition])
    /// Not understood; the text (trimmed source) goes into messages.
    case opaque(String)

    public static func all(_ parts: [Condition]) -> Condition {
        var flat: [Condition] = []
        for part in parts {
            switch part {
            case .always: continue
            case .never: return .never
            case .and(let inner): flat.append(contentsOf: inner)
            default: flat.append(part)
            }
        }
        if flat.isEmpty { return .always }
        return flat.count == 1 ? flat[0] : .and(flat)
    }

    public static func any(_ parts: [Condition]) -> Condition {
        var flat: [Condition] = []
        for part in parts {
            switch part {
            case .never: continue
            case .always: return .always
            case .or(let inner): flat.append(contentsOf: inner)
            default: flat.append(part)
            }
        }
        if flat.isEmpty { return .never }
        return flat.count == 1 ? flat[0] : .or(flat)
    }

    public var negated: Condition {
        switch self {
        case .always: .never
        case .never: .always
        case .not(let inner): inner
        default: .not(self)
        }
    }

    /// The condition with every part botlint could not read taken as satisfiable.
    public var assumingOpaqueHolds: Condition {
        switch self {
        case .opaque, .not(.opaque): .always
        case .not(let inner): inner.assumingOpaqueHolds == .always ? .always : .not(inner.assumingOpaqueHolds)
        case .and(let parts): .all(parts.map(\.assumingOpaqueHolds))
        case .or(let parts): .any(parts.map(\.assumingOpaqueHolds))
        default: self
        }
    }

    /// Every environment variable the condition reads.
    public var envNames: [String] {
        var names: [String] = []
        func walk(_ c: Condition) {
            switch c {
            case .envSet(let n), .envEquals(let n, _, _): if !names.contains(n) { names.append(n) }
            case .not(let inner): walk(inner)
            case .and(let parts), .or(let parts): parts.forEach(walk)
            default: break
            }
        }
        walk(self)
        return names
    }

    /// Source-like rendering for messages, e.g. `WEBHOOK_URL is set and MODE == "webhook"`.
    public var display: String {
        switch self {
        case .always: "always"
        case .never: "never"
        case .envSet(let n): "\(n) is set"
        case .envEquals(let n, let v, _): "\(n) == \"\(v)\""
        case .argument(let a): "started with \(a)"
        case .not(.envSet(let n)): "\(n) is not set"
        case .not(.envEquals(let n, let v, _)): "\(n) != \"\(v)\""
        case .not(.argument(let a)): "started without \(a)"
        case .not(let inner): "not (\(inner.display))"
        case .and(let parts): parts.map { $0.isCompound ? "(\($0.display))" : $0.display }.joined(separator: " and ")
        case .or(let parts): parts.map { $0.isCompound ? "(\($0.display))" : $0.display }.joined(separator: " or ")
        case .opaque(let text): text
        }
    }

    private var isCompound: Bool {
        switch self {
        case .and, .or: true
        default: false
        }
    }
}

/// Three-valued truth: evaluation in an EnvScope where dashboard secrets are unknown.
public enum Truth: Hashable, Sendable {
    case yes
    case no
    /// Depends on values botlint cannot see; the strings say which (env names, opaque text).
    case unknown(dependsOn: [String])

    public var isPossible: Bool { self != .no }
}
