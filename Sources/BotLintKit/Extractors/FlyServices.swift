/// Which Fly process groups receive traffic, from `[http_service]` and `[[services]]`, and which
/// mount volumes (`[mounts]` / `[[mounts]]`): together they decide how many machines
/// `fly deploy` starts for a group.
///
/// A service or mount without `processes` belongs to the default group only, as flyctl's
/// `Config.Flatten` does: `app` when it is a group (or there is no `[processes]`), else the first
/// group name in alphabetical order.
struct FlyServices {
    struct Service {
        var location: SourceLocation
        var groups: [String]
        /// `auto_stop_machines`, `auto_start_machines`, `min_machines_running`, `internal_port`.
        var settings: [String: String]
        var minMachinesRunning: Int?
        /// Where `auto_stop_machines` is written, when it is.
        var autoStopLocation: SourceLocation?
    }

    static let settingKeys = ["auto_stop_machines", "auto_start_machines", "min_machines_running", "internal_port"]

    private(set) var services: [Service] = []
    private(set) var mountedGroups: Set<String> = []

    init(_ document: ConfigDocument, groups: [String]) {
        let defaultGroup = groups.contains("app") ? "app" : groups.sorted().first ?? "app"
        func groupsOf(_ table: ConfigValue) -> [String] {
            let listed = table["processes"]?.array?.compactMap(\.string) ?? []
            return listed.isEmpty ? [defaultGroup] : listed
        }
        if let http = document["http_service"], http.table != nil {
            services.append(Self.service(http, path: ["http_service"], groups: groupsOf(http), document.locator))
        }
        for (index, entry) in (document["services"]?.array ?? []).enumerated() where entry.table != nil {
            services.append(Self.service(entry, path: ["services", String(index)], groups: groupsOf(entry), document.locator))
        }
        let mounts = document["mounts"].map { $0.array ?? [$0] } ?? []
        for mount in mounts where mount.table != nil { mountedGroups.formUnion(groupsOf(mount)) }
    }

    /// The first service that covers the group, in file order (`[http_service]` first).
    func service(for group: String) -> Service? {
        services.first { $0.groups.contains(group) }
    }

    private static func service(_ table: ConfigValue, path: [String], groups: [String],
                                _ locator: KeyLocator) -> Service {
        var settings: [String: String] = [:]
        for key in settingKeys {
            if let text = table[key]?.scalarText { settings[key] = text }
        }
        return Service(location: locator.nearestKey(path), groups: groups, settings: settings,
                       minMachinesRunning: table["min_machines_running"]?.int,
                       autoStopLocation: locator.key(path + ["auto_stop_machines"]))
    }
}
