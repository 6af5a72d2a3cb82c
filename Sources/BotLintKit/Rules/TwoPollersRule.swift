/// BL101: two or more long-running processes long-poll one bot token.
public struct TwoPollersRule: Rule {
    public let id = "BL101"
    public let name = "two-pollers"
    public let summary = "two or more long-running runners poll the same bot token"
    public let defaultSeverity = Severity.error

    public init() {}

    public func check(_ topology: Topology) -> [Finding] {
        // An unguarded scheduled poller is BL105's; a guarded one still overlaps a copy that
        // does not take the same lock (an `@reboot` line next to a `flock -n` line).
        let pollers = topology.pollers.filter { site in
            if site.runner.isLongRunning { return true }
            if case .scheduled = site.runner.lifetime {
                return site.process.singleInstanceGuard != nil || site.runner.decl.singleInstanceGuard != nil
            }
            return false
        }
        let groups = ConflictGroups.cluster(pollers) { a, b in
            a.token.sameBot(as: b.token) && Self.bothRun(a, b) && Overlap.concurrent(a, b)
        }
        return groups.map(report)
    }

    /// Which pairs this rule owns: the same runner, two deployed runners, two `@reboot` lines of
    /// one crontab, or two process managers of one server. Deployed vs local is BL104; two
    /// unrelated local scripts are usually alternatives, not run together.
    static func bothRun(_ a: ReceiverSite, _ b: ReceiverSite) -> Bool {
        if a.runnerIndex == b.runnerIndex { return true }
        let (pa, pb) = (a.runner.platform, b.runner.platform)
        if pa.isDeployed && pb.isDeployed { return true }
        if pa == .cron && pb == .cron { return a.runner.location.path == b.runner.location.path }
        // Process managers on one server (a unit, a supervisord program, a pm2 app, `@reboot`) all
        // start at boot; launchd is macOS, so it only pairs with itself.
        let server: Set<Platform> = [.systemd, .supervisord, .pm2, .cron]
        if server.contains(pa) && server.contains(pb) { return true }
        return pa == .launchd && pb == .launchd
    }

    private func report(_ group: [ReceiverSite]) -> Finding {
        let ordered = group.sorted { ($0.process.location, $0.receiver.fact.location) < ($1.process.location, $1.receiver.fact.location) }
        let sameProcess = Set(ordered.map(\.key)).count == 1
        let sameRunner = Set(ordered.map(\.runnerIndex)).count == 1
        // Certain when two of them share a runner or a platform; a pair across platforms only
        // conflicts if both deployments are live (a migration leftover, say).
        let crossPlatform = !ordered.indices.contains { i in
            ordered.indices.contains { j in
                j > i && ordered[i].key != ordered[j].key && (ordered[i].runnerIndex == ordered[j].runnerIndex
                    || ordered[i].runner.platform == ordered[j].runner.platform)
            }
        } && !sameProcess
        let primarySite = ordered[1]
        let primary = sameProcess ? primarySite.receiver.fact.location : primarySite.process.location
        var message: String
        if sameProcess {
            message = "One process of \(ordered[0].runner.title) polls \(Describe.bot(ordered)) twice at once: "
                + Describe.list(ordered.map(Describe.call)) + ". "
        } else {
            let calls = Set(ordered.map(\.receiver.fact.location))
            message = "\(Describe.bot(ordered)) is polled by \(Set(ordered.map(\.key)).count) long-running processes at once: "
            if calls.count == 1 {
                message += Describe.list(ordered.map { Describe.runner($0) }) + ", \(ordered.count == 2 ? "both" : "all") through \(Describe.call(ordered[0])). "
            } else {
                message += Describe.list(ordered.map { "\(Describe.runner($0)) with \(Describe.call($0))" }) + ". "
            }
        }
        message += "Telegram serves getUpdates to one consumer per bot, so they keep ending each other's requests "
            + "(409 Conflict: terminated by other getUpdates request) and updates are split between them."
        var severity = defaultSeverity
        if crossPlatform {
            let platforms = Set(ordered.map(\.runner.platform.displayName)).sorted().joined(separator: ", ")
            if Set(ordered.map { $0.process.entry?.path ?? $0.process.commandText }).count == 1 {
                // The same code configured for several platforms is usually a choice of where to
                // deploy, not two deployments; an old one left running is worth a note.
                message += " They are the same code configured for different platforms (\(platforms)): this conflicts "
                    + "only while both deployments run (an old one left running, say)."
                severity = .note
            } else {
                message += " They are different services on different platforms (\(platforms)): this conflicts whenever both run."
                severity = .warning
            }
        }
        let uncertain = Overlap.uncertainty(ordered)
        if let text = uncertain.text {
            message += " " + text
            severity = severity.softened
        }
        let fix: String
        if sameProcess {
            fix = "Start one poller per bot in a process: remove the second polling call, or give it its own bot token."
        } else if sameRunner {
            fix = "Start the bot once: remove the extra launch, or guard it (`flock -n /tmp/bot.lock python bot.py`)."
        } else {
            fix = "Keep polling in one runner only (remove the poller from the others or scale them to 0), "
                + "or give each its own bot token from @BotFather."
        }
        return finding(severity, message, at: primary, related: ConflictGroups.related(ordered, skip: primary),
                       fix: fix, token: ordered[0].token.display)
    }
}
