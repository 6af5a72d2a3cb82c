/// BL303: the webhook URL's host is not where the service that sets it is deployed.
public struct WebhookHostMismatchRule: Rule {
    public let id = "BL303"
    public let name = "webhook-host-mismatch"
    public let summary = "the webhook URL's host is not where the webhook server is deployed"
    public let defaultSeverity = Severity.warning

    public init() {}

    /// Hosting suffixes whose owner is certain. Custom domains are never judged.
    static let hostSuffixes: [(suffix: String, owner: String)] = [
        (".fly.dev", "Fly.io"), (".herokuapp.com", "Heroku"), (".up.railway.app", "Railway"), (".railway.app", "Railway"),
        (".onrender.com", "Render"), (".vercel.app", "Vercel"), (".netlify.app", "Netlify"),
        (".ngrok-free.app", "an ngrok tunnel"), (".ngrok.io", "an ngrok tunnel"), (".ngrok.app", "an ngrok tunnel"),
        (".trycloudflare.com", "a Cloudflare quick tunnel"), (".loca.lt", "a localtunnel"),
    ]

    /// Variables platforms set to the service's own public address.
    static let hostVariables: [String: String] = [
        "RAILWAY_PUBLIC_DOMAIN": "Railway", "RAILWAY_STATIC_URL": "Railway",
        "RENDER_EXTERNAL_URL": "Render", "RENDER_EXTERNAL_HOSTNAME": "Render",
        "VERCEL_URL": "Vercel", "FLY_APP_NAME": "Fly.io", "HEROKU_APP_NAME": "Heroku",
    ]

    public func check(_ topology: Topology) -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<SourceLocation>()
        for site in topology.sites(where: { $0.kind == .setWebhook }) where site.runner.platform.isDeployed {
            guard let value = site.receiver.webhookURL, let url = WebhookURLShape(value, env: site.process.env),
                  let reason = mismatch(url, runner: site.runner), reported.insert(site.receiver.fact.location).inserted
            else { continue }
            let fact = site.receiver.fact
            findings.append(finding(
                "`\(fact.api)` at \(fact.location) points the webhook of \(Describe.bot([site])) at `\(url.display)`, but it runs in "
                    + "\(Describe.runner(site)). \(reason) Telegram then delivers every update there, and this service receives none.",
                at: fact.location,
                related: ConflictGroups.related([site], skip: fact.location),
                fix: "Build the URL from the service's own public address"
                    + (Self.ownAddressHint(site.runner).map { " (\($0))" } ?? "") + ", and delete the webhook of the old deployment.",
                token: site.token.display))
        }
        return findings
    }

    private func mismatch(_ url: WebhookURLShape, runner: Runner) -> String? {
        let here = runner.platform.displayName
        if let host = url.host {
            if host == "localhost" || host.hasPrefix("127.") || host == "0.0.0.0" {
                return "That host is the machine itself, which Telegram cannot reach."
            }
            guard let owner = Self.hostSuffixes.first(where: { host.hasSuffix($0.suffix) })?.owner else { return nil }
            if owner != here { return "That host belongs to \(owner), not \(here)." }
            if runner.platform == .fly, let app = runner.decl.group, host != "\(app.lowercased()).fly.dev" {
                return "That is another fly app's address; this one is \(app).fly.dev."
            }
            return nil
        }
        if let variable = url.hostVariable ?? Self.hostVariables.keys.sorted().first(where: { url.display.contains("{\($0)}") }),
           let owner = Self.hostVariables[variable], owner != here {
            return "`\(variable)` is set by \(owner), not \(here), so the URL does not lead to this service."
        }
        return nil
    }

    static func ownAddressHint(_ runner: Runner) -> String? {
        switch runner.platform {
        case .fly: runner.decl.group.map { "https://\($0).fly.dev" }
        case .railway: "https://${RAILWAY_PUBLIC_DOMAIN}"
        case .heroku: "your app's https://<app>.herokuapp.com or custom domain"
        case .render: "https://${RENDER_EXTERNAL_HOSTNAME}"
        case .compose, .kubernetes: "the ingress or proxy host that routes to it"
        // A job on GitHub's runners has no public address.
        case .local, .cron, .pm2, .systemd, .supervisord, .launchd, .container, .githubActions: nil
        }
    }
}
