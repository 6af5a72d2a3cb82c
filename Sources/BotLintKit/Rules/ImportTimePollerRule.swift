/// BL106: polling starts as a side effect of loading a web app or framework.
public struct ImportTimePollerRule: Rule {
    public let id = "BL106"
    public let name = "import-time-poller"
    public let summary = "polling starts as a side effect of loading a web app (AppConfig.ready, app factory, module level)"
    public let defaultSeverity = Severity.error

    public init() {}

    public func check(_ topology: Topology) -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<SourceLocation>()
        for site in topology.pollers where site.receiver.importTime {
            guard let entry = site.process.entry, entry.kind == .webApp || entry.kind == .djangoCommand,
                  reported.insert(site.receiver.fact.location).inserted else { continue }
            findings.append(report(site, entry: entry))
        }
        return findings
    }

    private func report(_ site: ReceiverSite, entry: Entry) -> Finding {
        let fact = site.receiver.fact
        let server = entry.server ?? "the server"
        let how: String
        if let hook = site.receiver.via.first, site.receiver.via.count > 0 {
            how = "when \(server) loads the app (through \(hook))"
        } else {
            how = "when \(server) imports \(fact.location.path)"
        }
        let isDjango = server.hasPrefix("django")
        let processes = isDjango
            ? "each web worker, the autoreloader's child, and every `manage.py` command such as `migrate`"
            : "each web worker and the autoreloader's child"
        var message = "`\(fact.api)` at \(fact.location) starts polling \(Describe.bot([site])) \(how), in \(Describe.runner(site)). "
            + "Code that runs on import runs in every process that loads the app: \(processes); each of them polls, "
            + "and they end each other's getUpdates requests (409 Conflict)."
        let workers = site.process.workers?.count ?? 1
        let copies = site.process.copies.count ?? 1
        var severity: Severity = (workers > 1 || copies > 1 || isDjango) ? .error : .warning
        if workers > 1 { message += " Here \(workers) workers load it (\(site.process.workers?.reason ?? "workers"))." }
        if let text = Overlap.uncertainty([site]).text {
            message += " " + text
            severity = severity.softened
        }
        let fix = "Start polling from its own entry point run by one process (a management command such as "
            + "`python manage.py runbot` in a Procfile `worker:` line), or receive updates in the web app through a webhook view."
        return finding(severity, message, at: fact.location, related: ConflictGroups.related([site], skip: fact.location),
                       fix: fix, token: site.token.display)
    }
}
