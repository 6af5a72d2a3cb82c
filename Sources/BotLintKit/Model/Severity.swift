/// How sure and how bad: `error` conflicts as configured, `warning` conflicts under a normal
/// operation (a local run, a deploy) or depends on values botlint cannot see, `note` hardens.
public enum Severity: String, Comparable, CaseIterable, Sendable, Codable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// One step down, used when a conflict depends on values botlint cannot see.
    public var softened: Severity { self == .error ? .warning : self }
}
