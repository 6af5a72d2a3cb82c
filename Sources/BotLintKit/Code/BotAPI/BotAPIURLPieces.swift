import Foundation

/// Finds `https://api.telegram.org/bot<token>/<method>` in a value built from parts
/// (`` `https://api.telegram.org/bot${TOKEN}/getUpdates` ``, `BASE + "/setWebhook?url=" + url`).
struct BotAPIURLPieces {
    struct Call {
        var method: BotAPIMethod
        var token: ValueExpr
        var webhookURL: ValueExpr?
    }

    /// Literal runs merged, nested concatenations flattened.
    private let pieces: [ValueExpr]

    init(_ value: ValueExpr) {
        var flat: [ValueExpr] = []
        func add(_ value: ValueExpr) {
            switch value {
            case .concat(let parts):
                parts.forEach(add)
            case .literal(let text):
                if case .literal(let previous)? = flat.last {
                    flat[flat.count - 1] = .literal(previous + text)
                } else {
                    flat.append(value)
                }
            default:
                flat.append(value)
            }
        }
        add(value)
        pieces = flat
    }

    var call: Call? {
        for (index, piece) in pieces.enumerated() {
            guard case .literal(let text) = piece,
                  let hostEnd = text.range(of: "api.telegram.org/bot", options: .caseInsensitive)?.upperBound else { continue }
            if let call = call(afterHost: text[hostEnd...], following: pieces[(index + 1)...]) { return call }
        }
        return nil
    }

    private func call(afterHost text: Substring, following rest: ArraySlice<ValueExpr>) -> Call? {
        let token: ValueExpr
        let methodText: Substring
        var tail = rest
        if text.isEmpty {
            // The token is the next part; the method starts the literal after it.
            guard let tokenPart = tail.popFirst(), case .literal(let after)? = tail.popFirst() else { return nil }
            token = tokenPart
            methodText = after[...]
        } else {
            guard let slash = text.firstIndex(of: "/") else { return nil }
            token = .literal(String(text[..<slash]))
            methodText = text[slash...]
        }
        guard let (method, query) = BotAPIMethod.leading(methodText) else { return nil }
        return Call(method: method, token: token, webhookURL: method == .setWebhook ? webhookURL(query, tail) : nil)
    }

    private func webhookURL(_ query: Substring, _ rest: ArraySlice<ValueExpr>) -> ValueExpr? {
        guard let parameter = BotAPIMethod.webhookURLParameter(in: query) else { return nil }
        if !parameter.isEmpty { return .literal(String(parameter)) }
        return rest.first
    }
}
