/// Shared wording for findings, so every rule names runners, commands and calls the same way.
enum Describe {
    /// `fly app "x", process group "bot" (`python bot.py`, fly.toml:8)`.
    /// `primary`: the finding is reported at this site's launch line, so its location is not
    /// repeated in the message.
    static func runner(_ site: ReceiverSite, primary: Bool = false) -> String {
        let command = "`\(site.process.commandText)`"
        switch site.runner.decl.kind {
        case .startScript:
            return primary ? "this line of \(site.process.location.path) (\(command))"
                : "start script \(site.process.location.path) (\(command), line \(site.process.location.line))"
        case .cronEntry:
            return primary ? "this cron line (\(command))" : "cron line \(shortLocation(site.process.location)) (\(command))"
        default:
            return primary ? "\(site.runner.title) (\(command))"
                : "\(site.runner.title) (\(command), \(shortLocation(site.process.location)))"
        }
    }

    /// `run_polling at bot.py:40:5`.
    static func call(_ site: ReceiverSite) -> String {
        "\(site.receiver.fact.api) at \(site.receiver.fact.location)"
    }

    /// `the bot BOT_TOKEN` / `the bot BOT_TOKEN (123456789:AA…xY)`.
    static func bot(_ sites: [ReceiverSite]) -> String {
        let names = Array(Set(sites.map { $0.token.display })).sorted()
        return "the bot " + names.joined(separator: " = ")
    }

    static func shortLocation(_ location: SourceLocation) -> String {
        location.line > 0 ? "\(location.path):\(location.line)" : location.path
    }

    /// Capitalises a message that starts with a word (`fly app …` → `Fly app …`), never a path.
    static func sentence(_ text: String) -> String {
        let firstWord = text.prefix { $0 != " " }
        guard let first = text.first, first.isLowercase, firstWord.allSatisfy(\.isLetter) else { return text }
        return first.uppercased() + text.dropFirst()
    }

    static func list(_ parts: [String]) -> String {
        switch parts.count {
        case 0: ""
        case 1: parts[0]
        case 2: "\(parts[0]) and \(parts[1])"
        default: parts.dropLast().joined(separator: ", ") + " and " + parts.last!
        }
    }
}
