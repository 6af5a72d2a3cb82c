/// BL302: a webhook is served without checking Telegram's secret token.
public struct WebhookSecretRule: Rule {
    public let id = "BL302"
    public let name = "webhook-secret"
    public let summary = "a webhook is served without secret_token verification (X-Telegram-Bot-Api-Secret-Token)"
    public let defaultSeverity = Severity.note

    public init() {}

    public func check(_ topology: Topology) -> [Finding] {
        var findings: [Finding] = []
        // One note per handler, however many runners serve it.
        var reported = Set<SourceLocation>()
        let setters = topology.sites(where: { $0.kind == .setWebhook })
        let settersByBot = SameBotIndex(setters)
        for site in topology.sites(where: { $0.kind == .serveWebhook }) where site.runner.platform.isDeployed {
            guard !site.receiver.secretChecked, reported.insert(site.receiver.fact.location).inserted else { continue }
            // A URL that contains the bot token (`/<token>`) is a secret path: as hard to guess.
            func urlHoldsToken(_ other: ReceiverSite) -> Bool {
                other.receiver.webhookURL.map { Self.containsToken($0, site.token) } ?? false
            }
            let secretPath = urlHoldsToken(site) || settersByBot.sameBot(as: site.token).contains { urlHoldsToken(setters[$0]) }
            guard !secretPath else { continue }
            let fact = site.receiver.fact
            findings.append(finding(
                "\(Describe.runner(site)) serves the webhook of \(Describe.bot([site])) (\(fact.api) at \(fact.location)) "
                    + "without a secret token: nothing in the code it loads passes `secret_token` to setWebhook or checks the "
                    + "`X-Telegram-Bot-Api-Secret-Token` header, so anyone who finds the URL can post fake updates as any user.",
                at: fact.location,
                related: ConflictGroups.related([site], skip: fact.location),
                fix: "Pass a random `secret_token` when setting the webhook (PTB `run_webhook(secret_token=...)`, aiogram "
                    + "`SimpleRequestHandler(secret_token=...)`, Telegraf `launch({ webhook: { secretToken } })`, grammY "
                    + "`webhookCallback(bot, adapter, { secretToken })`) and reject requests whose header differs.",
                token: site.token.display))
        }
        return findings
    }

    static func containsToken(_ url: ValueExpr, _ token: TokenIdentity) -> Bool {
        if let variable = token.variable, url.envNames.contains(variable) { return true }
        return url.displayName.lowercased().contains("token")
    }
}
