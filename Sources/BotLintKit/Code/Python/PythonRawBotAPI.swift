/// Direct HTTP calls to `api.telegram.org/bot<token>/<method>`: the only place where string
/// contents matter, and only for values passed as arguments to a call.
enum PythonRawBotAPI {
    struct Call: Equatable {
        var kind: ReceiveKind
        var method: String
        var token: ValueExpr
        var webhookURL: ValueExpr?
    }

    private static let host = "api.telegram.org/bot"
    private static let methods: [String: ReceiveKind] = [
        "getupdates": .poll, "setwebhook": .setWebhook, "deletewebhook": .deleteWebhook,
    ]

    /// Reads a resolved URL value (`concat` of literals and env/symbol parts).
    static func parse(_ url: ValueExpr) -> Call? {
        let parts: [ValueExpr] = if case .concat(let inner) = url { inner } else { [url] }
        guard let hostIndex = parts.firstIndex(where: { part in
            if case .literal(let text) = part { return text.contains(host) }
            return false
        }), case .literal(let hostText) = parts[hostIndex],
              let hostRange = hostText.firstRange(of: host) else { return nil }
        let afterHost = String(hostText[hostRange.upperBound...])
        let token: ValueExpr
        let path: String
        let pathIndex: Int
        if let slash = afterHost.firstIndex(of: "/") {
            token = .literal(String(afterHost[..<slash]))
            path = String(afterHost[afterHost.index(after: slash)...])
            pathIndex = hostIndex
        } else {
            guard afterHost.isEmpty, hostIndex + 2 < parts.count,
                  case .literal(let rest) = parts[hostIndex + 2], rest.hasPrefix("/") else { return nil }
            token = parts[hostIndex + 1]
            path = String(rest.dropFirst())
            pathIndex = hostIndex + 2
        }
        let methodName = path.prefix { $0 != "?" && $0 != "/" }
        guard let kind = methods[methodName.lowercased()] else { return nil }
        var webhookURL = queryURL(path)
        if webhookURL == nil, path.hasSuffix("url="), pathIndex + 1 < parts.count { webhookURL = parts[pathIndex + 1] }
        return Call(kind: kind, method: String(methodName), token: token, webhookURL: webhookURL)
    }

    /// `setWebhook?url=...`: the literal rest of the query parameter.
    private static func queryURL(_ path: String) -> ValueExpr? {
        guard let range = path.firstRange(of: "url=") else { return nil }
        let value = path[range.upperBound...].prefix { $0 != "&" }
        return value.isEmpty ? nil : .literal(String(value))
    }
}
