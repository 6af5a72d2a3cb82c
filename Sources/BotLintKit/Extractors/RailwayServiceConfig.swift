/// The `build` and `deploy` settings of one Railway service config, each with the key path it
/// was read from, so an environment override can replace some and keep the others' locations.
struct RailwayServiceConfig: Equatable {
    struct Setting: Equatable {
        var value: ConfigValue
        var path: [String]
    }

    static let sections = ["build", "deploy"]

    /// Keyed `section.key`, e.g. `deploy.startCommand`.
    private(set) var settings: [String: Setting] = [:]

    init(_ document: ConfigDocument) {
        apply(document, under: [])
    }

    /// The config an environment runs: the base with `environments.<name>` keys replacing it.
    func overridden(by environment: String, in document: ConfigDocument) -> RailwayServiceConfig {
        var copy = self
        copy.apply(document, under: ["environments", environment])
        return copy
    }

    subscript(_ key: String) -> ConfigValue? { settings[key]?.value }

    func path(_ key: String) -> [String]? { settings[key]?.path }

    func hasSameValues(as other: RailwayServiceConfig) -> Bool {
        settings.mapValues(\.value) == other.settings.mapValues(\.value)
    }

    private mutating func apply(_ document: ConfigDocument, under prefix: [String]) {
        var node: ConfigValue? = .table(document.root)
        for key in prefix { node = node?[key] }
        for section in Self.sections {
            for (key, value) in node?[section]?.table ?? [:] {
                settings["\(section).\(key)"] = Setting(value: value, path: prefix + [section, key])
            }
        }
    }
}
