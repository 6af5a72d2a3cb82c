/// BL301: a webhook URL Telegram refuses: not https, or a port other than 443, 80, 88, 8443.
public struct WebhookEndpointRule: Rule {
    public let id = "BL301"
    public let name = "webhook-endpoint"
    public let summary = "a webhook URL or port that Telegram refuses (not https, or a port other than 443, 80, 88, 8443)"
    public let defaultSeverity = Severity.error

    static let allowedPorts: Set<String> = ["443", "80", "88", "8443"]

    public init() {}

    public func check(_ topology: Topology) -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<SourceLocation>()
        for site in topology.sites(where: { $0.kind == .setWebhook }) {
            guard let value = site.receiver.webhookURL, let url = WebhookURLShape(value, env: site.process.env),
                  let problem = problem(url), reported.insert(site.receiver.fact.location).inserted else { continue }
            let fact = site.receiver.fact
            findings.append(finding(
                problem.severity,
                "`\(fact.api)` at \(fact.location) registers the webhook `\(url.display)` for \(Describe.bot([site])), "
                    + "in \(Describe.runner(site)). \(problem.reason)",
                at: fact.location,
                related: ConflictGroups.related([site], skip: fact.location),
                fix: problem.fix,
                token: site.token.display))
        }
        return findings
    }

    private func problem(_ url: WebhookURLShape) -> (severity: Severity, reason: String, fix: String)? {
        if let scheme = url.scheme, scheme != "https" {
            return (.error, "Telegram delivers webhooks over HTTPS only and rejects this URL (Bad Request: bad webhook: "
                        + "An HTTPS URL must be provided for webhook), so the bot receives nothing.",
                    "Use the public https:// address of the service (the platform terminates TLS for you).")
        }
        if let port = url.port, !Self.allowedPorts.contains(port) {
            return (.error, "Telegram sends webhooks only to ports 443, 80, 88 and 8443; port \(port) is refused.",
                    "Drop the port (443 behind the platform's proxy) or use 8443.")
        }
        if let variable = url.portVariable {
            return (.warning, "The port comes from `\(variable)`, the port the server listens on inside the platform; the "
                        + "public URL is served on 443 by the platform's proxy, and Telegram accepts only 443, 80, 88 and 8443.",
                    "Build the webhook URL from the public host without the listen port (`https://<host>/<path>`).")
        }
        return nil
    }
}
