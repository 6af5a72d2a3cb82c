/// BL102: a bot is polled by one runner while another sets or serves its webhook.
public struct WebhookAndPollingRule: Rule {
    public let id = "BL102"
    public let name = "webhook-and-polling"
    public let summary = "a token is polled by one runner and has a webhook set or served by another"
    public let defaultSeverity = Severity.error

    public init() {}

    public func check(_ topology: Topology) -> [Finding] {
        // A scheduled script that makes one getUpdates request per run fails each run while a webhook is set.
        let pollers = topology.pollers.filter { $0.runner.isLongRunning || $0.receiver.fact.singleRequest }
        // A webhook endpoint on a laptop receives nothing unless it also sets the webhook.
        let webhooks = topology.webhookSites.filter { $0.runner.platform.isDeployed || $0.receiver.kind == .setWebhook }
        let webhooksByBot = SameBotIndex(webhooks)
        var findings: [Finding] = []
        var reported = Set<String>()
        for poller in pollers {
            // One finding per polling process and bot; the webhook side lists every partner.
            let key = poller.key + "|" + poller.token.display
            guard !reported.contains(key) else { continue }
            let sameBot = webhooksByBot.sameBot(as: poller.token).map { webhooks[$0] }
            let partners = sameBot.filter { Self.overlap(poller, $0) }
            guard !partners.isEmpty else { continue }
            reported.insert(key)
            // Serving a webhook only conflicts once one is set; say so when no code here sets it.
            let setHere = sameBot.contains { $0.receiver.kind == .setWebhook }
            findings.append(report(poller, partners, webhookSetHere: setHere))
        }
        return findings
    }

    static func overlap(_ poller: ReceiverSite, _ hook: ReceiverSite) -> Bool {
        guard poller.runnerIndex == hook.runnerIndex, poller.processIndex == hook.processIndex else { return true }
        // A route that could take webhook updates does nothing while no webhook is set; inside
        // one process only setting the webhook competes with polling.
        guard hook.receiver.kind == .setWebhook else { return false }
        // In one process, an env-switched mode (if WEBHOOK_URL: webhook else polling) is fine.
        let evaluator = ConditionEvaluator(env: poller.process.env, argv: poller.process.argv,
                                           assumedSet: Set([poller.token.variable].compactMap { $0 }))
        return evaluator.canBothHold(poller.receiver.condition, hook.receiver.condition)
    }

    private func report(_ poller: ReceiverSite, _ hooks: [ReceiverSite], webhookSetHere: Bool) -> Finding {
        let library = poller.receiver.fact.library
        // One clause per process: "X serves its webhook (…) and sets it (…)", or "X serves and
        // sets its webhook (…)" when one call does both (python-telegram-bot's run_webhook).
        let hookText = Describe.list(Self.groupedInOrder(hooks, by: \.key).map { key, sites in
            let who = key == poller.key ? "the same process" : Describe.runner(sites[0])
            let clauses = Self.groupedInOrder(sites, by: Describe.call).enumerated().map { index, group in
                let verbs = group.items.reduce(into: [String]()) { verbs, hook in
                    let verb = hook.receiver.kind == .setWebhook ? "sets" : "serves"
                    if !verbs.contains(verb) { verbs.append(verb) }
                }
                return "\(Describe.list(verbs)) \(index == 0 ? "its webhook" : "it") (\(group.key))"
            }
            return "\(who) \(Describe.list(clauses))"
        })
        let sameProcess = hooks.allSatisfy { $0.key == poller.key }
        var message = "\(Describe.runner(poller, primary: true)) polls \(Describe.bot([poller] + hooks)) (\(Describe.call(poller))), "
            + "while \(hookText). "
        if library.pollingDeletesWebhook {
            message += "\(library.rawValue) deletes the webhook when polling starts, so each start of the poller silently "
                + "takes the bot's updates away from the webhook; whenever the webhook is set again, polling fails with "
                + "409 Conflict: can't use getUpdates method while webhook is active."
        } else {
            message += "While the webhook is set, every getUpdates call fails with "
                + "409 Conflict: can't use getUpdates method while webhook is active, and this poller receives nothing."
        }
        var severity = defaultSeverity
        if !poller.runner.platform.isDeployed || (!sameProcess && hooks.allSatisfy({ !$0.runner.platform.isDeployed && $0.runner.lifetime != .oneShot })) {
            // A local poller or a hand-run webhook script conflicts when someone runs it.
            severity = .warning
        }
        // One webhook side that certainly runs is enough; otherwise every side's condition counts.
        let certainHook = hooks.contains { $0.receiver.active == .yes }
        // The same code configured for several platforms (a mode switch picks webhook or polling)
        // is a choice of where to deploy; different services on two platforms are two deployments.
        if poller.runner.platform.isDeployed,
           hooks.allSatisfy({ $0.runner.platform.isDeployed && $0.runner.platform != poller.runner.platform
               && $0.process.entry?.path == poller.process.entry?.path }) {
            message += " Both are the same code configured for different platforms: this conflicts only while both "
                + "deployments run."
            severity = .note
        }
        if !webhookSetHere {
            message += " No code here sets the webhook, so this conflicts once one is set (by hand, or by a deployment "
                + "not in this repository)."
            severity = min(severity, .warning)
        }
        let uncertain = Overlap.uncertainty([poller] + (certainHook ? [] : hooks))
        if let text = uncertain.text {
            message += " " + text
            severity = severity.softened
        }
        var fix = "Use one mode per bot: "
        if let switchOff = Self.disablingAssignment(poller.receiver.condition) {
            fix += "set \(switchOff) in the environment of \(poller.runner.title) (the code already honours it), or remove polling there; "
        } else {
            fix += "remove polling from \(poller.runner.title) or give it its own bot token; "
        }
        fix += "then call deleteWebhook only where you mean to poll, and check getWebhookInfo."
        let primary = poller.process.location
        return finding(severity, message, at: primary,
                       related: ConflictGroups.related([poller] + hooks, skip: primary),
                       fix: fix, token: poller.token.display)
    }

    /// `items` grouped by `key`, groups and items in first-seen order.
    private static func groupedInOrder(_ items: [ReceiverSite], by key: (ReceiverSite) -> String)
        -> [(key: String, items: [ReceiverSite])] {
        var groups: [(key: String, items: [ReceiverSite])] = []
        var position: [String: Int] = [:]
        for item in items {
            let k = key(item)
            if let at = position[k] {
                groups[at].items.append(item)
            } else {
                position[k] = groups.count
                groups.append((k, [item]))
            }
        }
        return groups
    }

    /// An assignment that makes the poller's condition false (`DISABLE_TELEGRAM_BOT=true`).
    static func disablingAssignment(_ condition: Condition) -> String? {
        switch condition {
        case .not(.envEquals(let name, let value, _)): return "`\(name)=\(value)`"
        case .not(.envSet(let name)):
            // `if WEBHOOK_URL: webhook else polling` is switched off by the URL itself, not by "true".
            let address = ["URL", "HOST", "DOMAIN", "ENDPOINT"].contains { name.uppercased().hasSuffix($0) }
            return address ? "`\(name)` to the webhook's public URL" : "`\(name)=true`"
        case .envEquals(let name, let value, _) where value.lowercased() == "true" || value == "1": return "`\(name)=false`"
        case .and(let parts):
            return parts.lazy.compactMap(disablingAssignment).first
        default: return nil
        }
    }
}
