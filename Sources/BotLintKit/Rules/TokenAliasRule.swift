/// BL402: two differently named variables hold the same bot (the same bot id before the colon).
public struct TokenAliasRule: Rule {
    public let id = "BL402"
    public let name = "token-alias"
    public let summary = "two differently named variables hold the same bot token"
    public let defaultSeverity = Severity.warning

    public init() {}

    struct Holder: Hashable {
        var variable: String
        var botID: String
        var redacted: String
        var location: SourceLocation
    }

    public func check(_ topology: Topology) -> [Finding] {
        var holders = Set<Holder>()
        func add(_ assignment: EnvAssignment) {
            guard let value = assignment.value, let botID = TokenRedaction.botID(value),
                  let location = assignment.location else { return }
            holders.insert(Holder(variable: assignment.name, botID: botID, redacted: TokenRedaction.redact(value),
                                  location: location))
        }
        for file in topology.envFiles { file.assignments.forEach(add) }
        for runner in topology.runners { runner.env.values.values.forEach(add) }
        var findings: [Finding] = []
        for (botID, group) in Dictionary(grouping: holders, by: \.botID).sorted(by: { $0.key < $1.key }) {
            // The first place each variable is set stands for it.
            var firstByVariable: [String: Holder] = [:]
            for holder in group.sorted(by: { $0.location < $1.location }) where firstByVariable[holder.variable] == nil {
                firstByVariable[holder.variable] = holder
            }
            guard firstByVariable.count > 1 else { continue }
            let ordered = firstByVariable.values.sorted { $0.location < $1.location }
            let names = Describe.list(ordered.map { "\($0.variable) (\(Describe.shortLocation($0.location)))" })
            let primary = ordered[1].location
            findings.append(finding(
                "\(names) hold the same bot, \(botID) (\(ordered[0].redacted)). Code that reads one and code that reads the "
                    + "other are one bot to Telegram, so botlint treats them as one: a poller on each conflicts (409 Conflict).",
                at: primary,
                related: ordered.filter { $0.location != primary }.map {
                    RelatedLocation($0.location, "\($0.variable) is set to the same bot here")
                },
                fix: "If they are meant to be different bots, create a second bot with @BotFather and put its token in one of "
                    + "the variables; otherwise read a single variable everywhere.",
                token: ordered[0].redacted))
        }
        return findings
    }
}
