/// Shared wording for findings, so every rule explains runners and calls the same way.
enum Describe {
    /// `fly app "x", process group "bot" runs `python bot.py` (fly.toml:9), which polls with
    /// run_polling() at bot.py:40`.
    static func site(_ site: ReceiverSite, verb: String) -> String {
        var text = "\(site.runner.title) runs `\(site.process.commandText)` (\(site.process.location))"
        if let entry = site.process.entry, !site.process.commandText.contains(entry.path) {
            text += ", which loads \(entry.path)"
        }
        let fact = site.receiver.fact
        text += " and \(verb) with \(fact.api) at \(fact.location)"
        if !site.receiver.via.isEmpty, let first = site.receiver.via.last, first.path != fact.location.path {
            text += " (reached from \(first))"
        }
        return text
    }

    static func list(_ parts: [String]) -> String {
        switch parts.count {
        case 0: ""
        case 1: parts[0]
        case 2: "\(parts[0]) and \(parts[1])"
        default: parts.dropLast().joined(separator: "; ") + "; and " + parts.last!
        }
    }

    static func token(_ identity: TokenIdentity) -> String { identity.display }

    /// Same bot wording: "the same bot (TELEGRAM_BOT_TOKEN)".
    static func sameBot(_ sites: [ReceiverSite]) -> String {
        let names = Array(Set(sites.map { $0.token.display })).sorted()
        return "the same bot (\(names.joined(separator: " = ")))"
    }
}
