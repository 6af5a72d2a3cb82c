/// A rule is a pure function over the topology. Its page and cases live in `rules/<id>-<name>/`.
public protocol Rule: Sendable {
    var id: String { get }
    var name: String { get }
    /// One line: what it reports.
    var summary: String { get }
    var defaultSeverity: Severity { get }
    func check(_ topology: Topology) -> [Finding]
}

extension Rule {
    func finding(_ severity: Severity, _ message: String, at location: SourceLocation,
                 related: [RelatedLocation] = [], fix: String?, token: String? = nil) -> Finding {
        Finding(rule: id, name: name, severity: severity, message: Describe.sentence(message),
                location: location, related: related, fix: fix, token: token)
    }

    func finding(_ message: String, at location: SourceLocation, related: [RelatedLocation] = [],
                 fix: String?, token: String? = nil) -> Finding {
        finding(defaultSeverity, message, at: location, related: related, fix: fix, token: token)
    }
}

public enum RuleRegistry {
    /// Every rule, in id order.
    public static let all: [any Rule] = [
        TwoPollersRule(), WebhookAndPollingRule(), ReplicatedPollerRule(), LocalAndDeployedPollerRule(),
        ScheduledPollerRule(), ImportTimePollerRule(), DeployOverlapRule(), PollerAutoStoppedRule(),
        WebhookEndpointRule(), WebhookSecretRule(), WebhookHostMismatchRule(), TokenInRepoRule(), TokenAliasRule(),
        UnparsableConfigRule(), UnusedSuppressionRule(),
    ]

    public static func rule(_ id: String) -> (any Rule)? {
        all.first { $0.id.caseInsensitiveCompare(id) == .orderedSame || $0.name == id.lowercased() }
    }
}
