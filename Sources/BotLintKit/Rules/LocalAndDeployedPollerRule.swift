/// BL104: a deployed poller is also started by a local script, crontab or dev command.
public struct LocalAndDeployedPollerRule: Rule {
    public let id = "BL104"
    public let name = "local-and-deployed-poller"
    public let summary = "a deployed poller is also started locally (script, crontab, dev command) with the same token"
    public let defaultSeverity = Severity.warning

    public init() {}

    public func check(_ topology: Topology) -> [Finding] {
        let pollers = topology.pollers
        let deployed = pollers.filter { $0.runner.platform.isDeployed && $0.runner.isLongRunning }
        let deployedByBot = SameBotIndex(deployed)
        var findings: [Finding] = []
        var reported = Set<String>()
        for local in pollers where !local.runner.platform.isDeployed && local.runner.lifetime != .oneShot {
            let partners = deployedByBot.sameBot(as: local.token).map { deployed[$0] }
            guard !partners.isEmpty, reported.insert(local.key + "|" + local.token.display).inserted else { continue }
            findings.append(report(local, partners))
        }
        return findings
    }

    private func report(_ local: ReceiverSite, _ deployed: [ReceiverSite]) -> Finding {
        var message = "\(Describe.runner(local, primary: true)) polls \(Describe.bot([local] + deployed)) (\(Describe.call(local))), "
            + "which " + Describe.list(deployed.map { "\($0.runner.title) (\(Describe.shortLocation($0.runner.location)))" })
            + " also polls when deployed. Running it while the deployed bot is up makes the two fight over getUpdates "
            + "(409 Conflict: terminated by other getUpdates request), and the local copy takes production's updates."
        var severity = defaultSeverity
        if let text = Overlap.uncertainty([local] + deployed).text {
            message += " " + text
            severity = severity.softened
        }
        let stop = Describe.list(Array(Set(deployed.map { Self.stopCommand($0.runner) })).sorted())
        let fix = "Give local runs their own test bot (a separate token from @BotFather in an untracked .env), "
            + "or stop the deployed poller first (\(stop))."
        let primary = local.process.location
        return finding(severity, message, at: primary, related: ConflictGroups.related([local] + deployed, skip: primary),
                       fix: fix, token: local.token.display)
    }

    static func stopCommand(_ runner: Runner) -> String {
        switch runner.platform {
        case .fly:
            let app = runner.decl.group.map { " -a \($0)" } ?? ""
            return "`fly scale count 0 --process-group \(runner.decl.name)\(app)`"
        case .railway:
            return "remove the Railway service's deployment"
        case .heroku:
            return "`heroku ps:scale \(runner.decl.name)=0`"
        case .compose:
            return "`docker compose stop \(runner.decl.name)`"
        case .render:
            return "suspend the Render service \"\(runner.decl.name)\""
        case .kubernetes:
            return "`kubectl scale \((runner.decl.settings["kind"] ?? "deployment").lowercased())/\(runner.decl.name) --replicas=0`"
        case .container:
            return "stop the containers running \(runner.title)"
        case .githubActions:
            return "cancel the running workflow (`gh run cancel`) and disable it (`gh workflow disable \(runner.decl.settings["workflow"] ?? runner.location.path)`)"
        case .local, .cron, .pm2, .systemd, .supervisord, .launchd:
            return "stop \(runner.title)"
        }
    }
}
