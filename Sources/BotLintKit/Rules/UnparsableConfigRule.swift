/// BL901: a deploy/config file botlint could not parse; the rest is still checked.
public struct UnparsableConfigRule: Rule {
    public let id = "BL901"
    public let name = "unparsable-config"
    public let summary = "a deploy or config file botlint could not parse (the rest is still checked)"
    public let defaultSeverity = Severity.warning

    public init() {}

    public func check(_ topology: Topology) -> [Finding] {
        topology.problems.map { problem in
            finding("\(problem.location.path) is not valid \(problem.format): \(problem.message). botlint checked the rest of "
                    + "the repository without what this file declares.",
                    at: problem.location,
                    fix: "Fix the syntax; the platform that reads this file would reject it too.")
        }
    }
}
