import Foundation

/// `botlint config --show`: the effective settings as TOML, each line ending with where the
/// value comes from (`default`, `file:line:column`, or the flag).
public enum ConfigurationPrinter {
    public static func text(_ configuration: Configuration) -> String {
        var out = Lines()
        out.comment("config file: " + (configuration.file ?? "none (\(ConfigLoader.fileName) not found; defaults)"))
        out.setting("fail-on = \(quoted(configuration.failOn.value.rawValue))", configuration.failOn.origin)
        out.setting("inline-suppressions = \(configuration.inlineSuppressions.value)", configuration.inlineSuppressions.origin)

        out.header("[rules]")
        let disabled = configuration.disabledRules.keys.sorted()
        out.list("disable", disabled.map { (quoted($0), configuration.disabledRules[$0]!) })

        out.header("[rules.severity]")
        for rule in RuleRegistry.all where configuration.isEnabled(rule.id) {
            let severity = configuration.severity(of: rule)
            out.setting("\(rule.id) = \(quoted(severity.value.rawValue))", severity.origin, note: rule.name)
        }
        if !configuration.perFileIgnores.isEmpty {
            out.header("[rules.per-file-ignores]")
            for ignore in configuration.perFileIgnores {
                let rules = ignore.rules.isEmpty ? ["all"] : ignore.rules
                out.setting("\(quoted(ignore.glob.pattern)) = [\(rules.map(quoted).joined(separator: ", "))]", .file(ignore.location))
            }
        }

        out.header("[paths]")
        out.list("exclude", configuration.excludedPaths.map { (quoted($0.value.pattern), $0.origin) })

        out.header("[tokens]")
        out.setting("local-uses-dev-token = \(configuration.localUsesDevToken.value)", configuration.localUsesDevToken.origin)

        for fact in configuration.runnerFacts {
            out.header("[[runners]]")
            out.setting("match = \(quoted(fact.selector.text))", .file(fact.location))
            if let instances = fact.instances { out.line("instances = \(instances)") }
            if let bot = fact.bot { out.line("bot = \(quoted(bot))") }
            if let reason = fact.reason { out.line("reason = \(quoted(reason))") }
        }
        for environment in configuration.dashboardEnvironments {
            out.header("[env.\(quoted(environment.selector.text))]")
            for assignment in environment.assignments {
                // A token pasted into the config is still never printed whole.
                let value = TokenRedaction.redactIfToken(assignment.value ?? "")
                out.setting("\(assignment.name) = \(quoted(value))", assignment.location.map(SettingOrigin.file) ?? .file(environment.location))
            }
        }
        return out.text
    }

    static func quoted(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 { escaped += String(format: "\\u%04X", scalar.value) } else { escaped.unicodeScalars.append(scalar) }
            }
        }
        return "\"\(escaped)\""
    }

    private struct Lines {
        private(set) var text = ""
        static let commentColumn = 40

        mutating func comment(_ text: String) { line("# " + text) }
        mutating func line(_ text: String) { self.text += text + "\n" }
        mutating func header(_ text: String) { line(""); line(text) }

        /// `key = []`, or one item per line with its origin.
        mutating func list(_ key: String, _ items: [(String, SettingOrigin)]) {
            guard !items.isEmpty else { return setting("\(key) = []", .builtIn) }
            line("\(key) = [")
            for (item, origin) in items { setting("  \(item),", origin) }
            line("]")
        }

        mutating func setting(_ assignment: String, _ origin: SettingOrigin, note: String? = nil) {
            let padding = String(repeating: " ", count: max(1, Self.commentColumn - assignment.count))
            line(assignment + padding + "# " + origin.description + (note.map { " (\($0))" } ?? ""))
        }
    }
}
