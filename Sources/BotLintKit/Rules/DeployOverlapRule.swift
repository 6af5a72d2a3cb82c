/// BL201: a deploy runs the old and the new instance of a poller together (or stops an old
/// webhook server that deletes the webhook after the new one set it).
public struct DeployOverlapRule: Rule {
    public let id = "BL201"
    public let name = "deploy-overlap"
    public let summary = "the platform runs old and new instances of a polling runner together during a deploy"
    public let defaultSeverity = Severity.warning

    public init() {}

    public func check(_ topology: Topology) -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<Int>()
        let sites = topology.pollers + topology.sites { $0.kind == .serveWebhook && $0.fact.library.deletesWebhookOnShutdown }
        for site in sites where site.runner.isLongRunning {
            guard let overlap = site.runner.decl.deployOverlap, reported.insert(site.runnerIndex).inserted else { continue }
            findings.append(report(site, overlap))
        }
        return findings
    }

    private func report(_ site: ReceiverSite, _ overlap: PlatformBehavior) -> Finding {
        var message: String
        let fix: String
        if site.receiver.kind == .poll {
            message = "\(Describe.runner(site)) polls \(Describe.bot([site])) (\(Describe.call(site))), and every deploy "
                + "runs two copies for a while: \(overlap.reason). Until the old one stops they fight over getUpdates "
                + "(409 Conflict: terminated by other getUpdates request) and split the updates."
            fix = "Stop the old instance before the new one starts: \(overlap.fix). Or serve a webhook, "
                + "or let the bot retry getUpdates on 409 at start until the old instance is gone."
        } else {
            message = "\(Describe.runner(site)) serves a webhook for \(Describe.bot([site])) (\(Describe.call(site))) with "
                + "\(site.receiver.fact.library.rawValue), which deletes the webhook when it shuts down. \(overlap.reason), "
                + "so the old instance stops after the new one set the webhook and leaves the bot without one."
            fix = "Stop the old instance first: \(overlap.fix). Or keep the webhook on shutdown."
        }
        var severity = defaultSeverity
        if let text = Overlap.uncertainty([site]).text {
            message += " " + text
            severity = severity.softened
        }
        return finding(severity, message, at: overlap.location,
                       related: ConflictGroups.related([site], skip: overlap.location), fix: fix, token: site.token.display)
    }
}
