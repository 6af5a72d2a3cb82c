/// BL103: one polling runner runs more than one copy at once (replicas, web workers, loops).
public struct ReplicatedPollerRule: Rule {
    public let id = "BL103"
    public let name = "replicated-poller"
    public let summary = "one polling runner has more than one concurrent instance"
    public let defaultSeverity = Severity.error

    public init() {}

    public func check(_ topology: Topology) -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<String>()
        for site in topology.pollers where site.runner.isLongRunning {
            guard let (count, reason, location, fix, certain) = multiplicity(site) else { continue }
            guard reported.insert(site.key).inserted else { continue }
            var message = "\(Describe.runner(site)) polls \(Describe.bot([site])) (\(Describe.call(site))), and \(count) copies "
                + "of it run at once (\(reason)). Every copy polls the same token, so they keep ending each other's "
                + "getUpdates requests (409 Conflict: terminated by other getUpdates request) and split the updates."
            var severity = certain ? defaultSeverity : .warning
            if let text = Overlap.uncertainty([site]).text {
                message += " " + text
                severity = severity.softened
            }
            findings.append(finding(severity, message, at: location,
                                    related: ConflictGroups.related([site], skip: location), fix: fix,
                                    token: site.token.display))
        }
        return findings
    }

    private func multiplicity(_ site: ReceiverSite) -> (Int, String, SourceLocation, String, Bool)? {
        let runner = site.runner
        if let count = runner.instances.count, count > 1 {
            let fix: String
            let certain: Bool
            switch runner.platform {
            case .fly:
                fix = "Run one machine for this process group: `fly scale count 1 --process-group \(runner.decl.name)` "
                    + "(and `fly deploy --ha=false`), or move the poller to a process group without services."
                certain = runner.instances.reason?.contains("high availability") != true
            case .railway:
                fix = "Set `numReplicas = 1` for this service, or switch the bot to a webhook so replicas can share the load."
                certain = true
            case .pm2:
                fix = "Set `instances: 1` (fork mode) for the polling app; pm2's cluster mode is for HTTP servers."
                // `max` depends on the machine's cores.
                certain = runner.instances.reason?.contains("CPU core") != true
            case .compose:
                fix = "Run one container of the polling service (`deploy.replicas: 1`), or switch the bot to a webhook."
                certain = true
            case .kubernetes:
                fix = "Run the poller with `replicas: 1` and `strategy: Recreate` (no autoscaler), or switch the bot to a webhook."
                certain = true
            default:
                fix = "Run a single instance of the polling process, or switch the bot to a webhook."
                certain = true
            }
            return (count, runner.instances.reason ?? "\(count) instances", runner.instances.location ?? runner.location, fix, certain)
        }
        let receiver = site.receiver
        if let workers = site.process.workers, let count = workers.count, count > 1, receiver.importTime || receiver.perWorker {
            return (count, workers.reason ?? "\(count) workers", workers.location ?? site.process.location,
                    "Start polling in one dedicated process (a Procfile `worker:` or a management command) instead of "
                    + "in every web worker, or serve a webhook from the web app.", true)
        }
        let copies = site.process.copies
        if let count = copies.count, count > 1, site.process.entry?.kind != .webApp || receiver.importTime {
            return (count, copies.reason ?? "\(count) copies", copies.location ?? site.process.location,
                    "Start one copy of the poller.", true)
        }
        return nil
    }
}
