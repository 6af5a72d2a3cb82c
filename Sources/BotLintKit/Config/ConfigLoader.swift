import Foundation

/// Finds and reads `.botlint.toml`. Every key is checked: an unknown key or a bad value is an
/// error with the file and line, never silently ignored.
public enum ConfigLoader {
    public static let fileName = ".botlint.toml"
    static let maxBytes = 1 << 20

    /// `explicit` is `--config FILE` (relative to the working directory); otherwise the nearest
    /// `.botlint.toml` from the scanned folder up to the repository root is used, if any.
    public static func load(explicit: String?, listing: FileListing, overrides: ConfigOverrides = ConfigOverrides()) throws -> Configuration {
        var configuration: Configuration
        if let explicit {
            guard let data = FileManager.default.contents(atPath: explicit) else {
                throw ConfigError("\(explicit): cannot read the config file")
            }
            configuration = try parse(Array(data), path: explicit)
        } else if let (absolute, display) = discover(listing), let data = FileManager.default.contents(atPath: absolute) {
            configuration = try parse(Array(data), path: display)
        } else {
            configuration = Configuration()
        }
        if let failOn = overrides.failOn { configuration.failOn = Setting(failOn, .flag("--fail-on")) }
        if let inline = overrides.inlineSuppressions {
            configuration.inlineSuppressions = Setting(inline, .flag("--no-inline-suppressions"))
        }
        return configuration
    }

    /// The nearest config file from the scanned folder upward, stopping at the listing's root.
    static func discover(_ listing: FileListing) -> (absolute: String, display: String)? {
        var folder = listing.scope
        while true {
            let relative = folder.isEmpty ? fileName : folder + "/" + fileName
            let absolute = listing.root + "/" + relative
            if FileStatus.of(path: absolute)?.isRegularFile == true { return (absolute, relative) }
            if folder.isEmpty { return nil }
            folder = PathUtil.directory(of: folder)
        }
    }

    /// Parses config text; `path` is how the file is named in errors and origins.
    public static func parse(_ bytes: [UInt8], path: String) throws -> Configuration {
        guard bytes.count <= maxBytes else { throw ConfigError("\(path): larger than 1 MB, not a config file") }
        let document = ConfigDocument.toml(SourceFile(path: path, bytes: bytes))
        if let problem = document.problems.first {
            throw ConfigError("invalid TOML: \(problem.message)", at: problem.location)
        }
        var reader = ConfigReader(locator: document.locator, path: path)
        return try reader.read(document.root)
    }
}

/// Walks the parsed tree against the schema, building the configuration.
struct ConfigReader {
    let locator: KeyLocator
    let path: String
    var configuration = Configuration()

    init(locator: KeyLocator, path: String) {
        self.locator = locator
        self.path = path
        configuration.file = path
    }

    mutating func read(_ root: [String: ConfigValue]) throws -> Configuration {
        try checkKeys(root, under: [], allowed: ["fail-on", "inline-suppressions", "rules", "paths", "tokens", "runners", "env"])
        if let value = root["fail-on"] {
            configuration.failOn = Setting(try severity(value, at: ["fail-on"]), origin(["fail-on"]))
        }
        if let value = root["inline-suppressions"] {
            configuration.inlineSuppressions = Setting(try bool(value, at: ["inline-suppressions"]), origin(["inline-suppressions"]))
        }
        if let rules = root["rules"] { try readRules(try table(rules, at: ["rules"])) }
        if let paths = root["paths"] { try readPaths(try table(paths, at: ["paths"])) }
        if let tokens = root["tokens"] {
            let fields = try table(tokens, at: ["tokens"])
            try checkKeys(fields, under: ["tokens"], allowed: ["local-uses-dev-token"])
            if let value = fields["local-uses-dev-token"] {
                let key = ["tokens", "local-uses-dev-token"]
                configuration.localUsesDevToken = Setting(try bool(value, at: key), origin(key))
            }
        }
        if let runners = root["runners"] { try readRunners(runners) }
        if let env = root["env"] { try readEnvironments(try table(env, at: ["env"])) }
        return configuration
    }

    private mutating func readRules(_ fields: [String: ConfigValue]) throws {
        try checkKeys(fields, under: ["rules"], allowed: ["disable", "severity", "per-file-ignores"])
        if let disable = fields["disable"] {
            let key = ["rules", "disable"]
            for item in try array(disable, at: key) {
                let rule = try ruleID(try string(item, at: key), at: key, value: true)
                if configuration.disabledRules[rule] == nil { configuration.disabledRules[rule] = origin(key) }
            }
        }
        if let severity = fields["severity"] {
            let key = ["rules", "severity"]
            for name in locator.ordered(try table(severity, at: key).keys, under: key) {
                let entry = key + [name]
                let rule = try ruleID(name, at: entry, value: false)
                configuration.severities[rule] = Setting(try self.severity(severity[name]!, at: entry), origin(entry))
            }
        }
        if let ignores = fields["per-file-ignores"] {
            let key = ["rules", "per-file-ignores"]
            let entries = try table(ignores, at: key)
            for pattern in locator.ordered(entries.keys, under: key) {
                let entry = key + [pattern]
                guard let glob = PathGlob(pattern) else { throw error("'\(pattern)' is not a path pattern", at: entry) }
                let ids = try array(entries[pattern]!, at: entry).map { try ruleID(try string($0, at: entry), at: entry, value: true) }
                configuration.perFileIgnores.append(PerFileIgnore(glob: glob, rules: ids.contains("all") ? [] : ids,
                                                                  location: locator.nearestKey(entry)))
            }
        }
    }

    private mutating func readPaths(_ fields: [String: ConfigValue]) throws {
        try checkKeys(fields, under: ["paths"], allowed: ["exclude"])
        guard let exclude = fields["exclude"] else { return }
        let key = ["paths", "exclude"]
        for item in try array(exclude, at: key) {
            let pattern = try string(item, at: key)
            guard let glob = PathGlob(pattern) else { throw error("'\(pattern)' is not a path pattern", at: key) }
            configuration.excludedPaths.append(Setting(glob, origin(key)))
        }
    }

    private mutating func readRunners(_ value: ConfigValue) throws {
        let items = try array(value, at: ["runners"], expected: "an array of tables ([[runners]])")
        for (i, item) in items.enumerated() {
            let key = ["runners", String(i)]
            let fields = try table(item, at: key)
            try checkKeys(fields, under: key, allowed: ["match", "instances", "bot", "reason"])
            guard let match = fields["match"] else { throw error("[[runners]] needs `match`, the runner it describes", at: key) }
            let selector = try self.selector(try string(match, at: key + ["match"]), at: key + ["match"])
            var fact = RunnerFact(selector: selector, location: locator.nearestKey(key))
            if let instances = fields["instances"] {
                guard let count = instances.int, count >= 0 else {
                    throw error("`instances` must be a whole number, 0 or more (0: not deployed)", at: key + ["instances"], value: true)
                }
                fact.instances = count
            }
            if let bot = fields["bot"] {
                let name = try string(bot, at: key + ["bot"])
                guard !name.isEmpty else { throw error("`bot` must name the bot", at: key + ["bot"], value: true) }
                fact.bot = name
            }
            if let reason = fields["reason"] { fact.reason = try string(reason, at: key + ["reason"]) }
            guard fact.instances != nil || fact.bot != nil else {
                throw error("[[runners]] for '\(selector)' says nothing: give `instances` or `bot`", at: key)
            }
            configuration.runnerFacts.append(fact)
        }
    }

    private mutating func readEnvironments(_ fields: [String: ConfigValue]) throws {
        for text in locator.ordered(fields.keys, under: ["env"]) {
            let key = ["env", text]
            let selector = try self.selector(text, at: key)
            let variables = try table(fields[text]!, at: key)
            var assignments: [EnvAssignment] = []
            for name in locator.ordered(variables.keys, under: key) {
                guard Self.isVariableName(name) else { throw error("'\(name)' is not an environment variable name", at: key + [name]) }
                guard let value = variables[name]!.scalarText else {
                    throw error("the value of \(name) must be a string, number or boolean", at: key + [name], value: true)
                }
                assignments.append(EnvAssignment(name: name, value: value, location: locator.nearestKey(key + [name])))
            }
            configuration.dashboardEnvironments.append(DashboardEnvironment(selector: selector, assignments: assignments,
                                                                            location: locator.nearestKey(key)))
        }
    }

    // MARK: Values

    private func checkKeys(_ fields: [String: ConfigValue], under parent: [String], allowed: Set<String>) throws {
        for key in locator.ordered(fields.keys, under: parent) where !allowed.contains(key) {
            let table = parent.filter { Int($0) == nil }.joined(separator: ".")
            let known = allowed.sorted().joined(separator: ", ")
            throw error("unknown key '\(key)'" + (table.isEmpty ? "" : " in [\(table)]") + "; known keys: \(known)", at: parent + [key])
        }
    }

    /// A rule id or name as its id; `all` only where it is documented (per-file ignores).
    private func ruleID(_ text: String, at key: [String], value: Bool) throws -> String {
        if text.lowercased() == "all", key.contains("per-file-ignores") { return "all" }
        guard let rule = RuleRegistry.rule(text) else {
            throw error("unknown rule '\(text)'; `botlint rules` lists them", at: key, value: value)
        }
        return rule.id
    }

    private func selector(_ text: String, at key: [String]) throws -> RunnerSelector {
        switch RunnerSelector.parse(text) {
        case .success(let selector): return selector
        case .failure(let failure): throw error(failure.message, at: key)
        }
    }

    private func severity(_ value: ConfigValue, at key: [String]) throws -> Severity {
        guard let text = value.string, let severity = Severity(rawValue: text) else {
            throw error("expected \"error\", \"warning\" or \"note\"", at: key, value: true)
        }
        return severity
    }

    private func bool(_ value: ConfigValue, at key: [String]) throws -> Bool {
        guard let flag = value.bool else { throw error("expected true or false", at: key, value: true) }
        return flag
    }

    private func string(_ value: ConfigValue, at key: [String]) throws -> String {
        guard let text = value.string else { throw error("expected a string", at: key, value: true) }
        return text
    }

    private func array(_ value: ConfigValue, at key: [String], expected: String = "an array") throws -> [ConfigValue] {
        guard let items = value.array else { throw error("expected \(expected)", at: key, value: true) }
        return items
    }

    private func table(_ value: ConfigValue, at key: [String]) throws -> [String: ConfigValue] {
        guard let fields = value.table else { throw error("expected a table", at: key, value: true) }
        return fields
    }

    private func origin(_ key: [String]) -> SettingOrigin {
        .file(locator.nearestKey(key))
    }

    private func error(_ message: String, at key: [String], value: Bool = false) -> ConfigError {
        ConfigError(message, at: value ? locator.nearestValue(key) : locator.nearestKey(key))
    }

    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(48...57).contains(first) else { return false }
        return name.utf8.allSatisfy(TokenRedaction.isWordChar)
    }
}
