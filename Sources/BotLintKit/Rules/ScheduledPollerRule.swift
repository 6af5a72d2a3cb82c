/// BL105: a scheduler starts a long-running poller again and again without a single-instance guard.
public struct ScheduledPollerRule: Rule {
    public let id = "BL105"
    public let name = "scheduled-poller"
    public let summary = "cron (or Railway cronSchedule) starts a long-running poller repeatedly without a single-instance guard"
    public let defaultSeverity = Severity.error

    public init() {}

    public func check(_ topology: Topology) -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<String>()
        for site in topology.pollers {
            // A script that makes one getUpdates request and exits is what a schedule is for.
            guard case .scheduled(let schedule) = site.runner.lifetime, !site.receiver.fact.singleRequest,
                  site.process.singleInstanceGuard == nil, site.runner.decl.singleInstanceGuard == nil,
                  reported.insert(site.key).inserted else { continue }
            findings.append(report(site, schedule: schedule))
        }
        return findings
    }

    private func report(_ site: ReceiverSite, schedule: String) -> Finding {
        var message = "\(Describe.runner(site, primary: true)) starts a poller for \(Describe.bot([site])) (\(Describe.call(site))) "
            + "on the schedule `\(schedule)`. A poller never exits, "
        var severity = defaultSeverity
        let fix: String
        if site.runner.platform == .railway {
            message += "but a Railway cron service is meant to finish: Railway skips runs while one is still going, so the bot "
                + "runs as a job that never completes, and each deploy can start another copy next to it."
            severity = .warning
            fix = "Deploy the poller as a regular Railway service (remove cronSchedule); keep cron for jobs that exit."
        } else if site.runner.platform == .kubernetes {
            message += "and a CronJob allows concurrent runs by default, so every scheduled run starts one more pod next to "
                + "the previous ones, and from the second run on they fight over getUpdates "
                + "(409 Conflict: terminated by other getUpdates request)."
            fix = "Run the poller as a Deployment with `replicas: 1`, or set `concurrencyPolicy: Forbid` on the CronJob."
        } else if site.runner.platform == .githubActions {
            let settings = site.runner.decl.settings
            let timeout = settings["timeoutMinutes"] ?? String(GitHubActionsExtractor.defaultTimeoutMinutes)
            let interval = settings["scheduleIntervalMinutes"].map { "which can start \($0) minutes after the previous one" }
                ?? "on that schedule"
            message += "and GitHub cancels the job only after `timeout-minutes` (\(timeout)), so the next run, \(interval), "
                + "starts while the previous one still polls, and the two fight over getUpdates "
                + "(409 Conflict: terminated by other getUpdates request)."
            fix = "Add `concurrency: { group: telegram-bot, cancel-in-progress: true }` to the workflow so a new run stops "
                + "the old one, or deploy the poller to a host that keeps one copy running."
        } else {
            message += "so every scheduled run starts one more copy next to the previous ones, and from the second run on they "
                + "fight over getUpdates (409 Conflict: terminated by other getUpdates request)."
            fix = "Start it once (`@reboot`, a systemd service or a platform worker), or guard the line: "
                + "`flock -n /tmp/bot.lock \(site.process.commandText)`."
        }
        if let text = Overlap.uncertainty([site]).text {
            message += " " + text
            severity = severity.softened
        }
        let primary = site.process.location
        return finding(severity, message, at: primary, related: ConflictGroups.related([site], skip: primary),
                       fix: fix, token: site.token.display)
    }
}
