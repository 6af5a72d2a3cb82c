/// BL202: a long-polling runner on a platform that stops it while no HTTP request arrives.
public struct PollerAutoStoppedRule: Rule {
    public let id = "BL202"
    public let name = "poller-auto-stopped"
    public let summary = "a long-polling runner is stopped by the platform while no inbound HTTP arrives"
    public let defaultSeverity = Severity.warning

    public init() {}

    public func check(_ topology: Topology) -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<Int>()
        for site in topology.pollers where site.runner.isLongRunning {
            guard let idle = site.runner.decl.stopsWhenIdle, reported.insert(site.runnerIndex).inserted else { continue }
            var message = "\(Describe.runner(site)) polls \(Describe.bot([site])) (\(Describe.call(site))), but "
                + "\(idle.reason). A poller only makes outbound requests, so nothing wakes it: the bot goes deaf "
                + "until someone opens its URL."
            var severity = defaultSeverity
            if let text = Overlap.uncertainty([site]).text {
                message += " " + text
                severity = severity.softened
            }
            findings.append(finding(severity, message, at: idle.location,
                                    related: ConflictGroups.related([site], skip: idle.location),
                                    fix: "Keep the poller running: \(idle.fix). Or serve a webhook: Telegram's "
                                        + "requests then wake the service.",
                                    token: site.token.display))
        }
        return findings
    }
}
