/// A systemd timer starts its service on a schedule. systemd skips the start while the service
/// is still active, so the service becomes a scheduled runner that keeps its `systemd` guard;
/// the timer itself is folded into it. The service is looked up by name, next to the timer first.
enum SystemdTimers {
    static func apply(_ decls: [RunnerDecl]) -> [RunnerDecl] {
        let timers = decls.filter { $0.kind == .systemdUnit && $0.settings["timer.unit"] != nil }
        guard !timers.isEmpty else { return decls }
        var result = decls.filter { !($0.kind == .systemdUnit && $0.settings["timer.unit"] != nil) }
        for timer in timers {
            guard let unit = timer.settings["timer.unit"] else { continue }
            let matches = result.indices.filter { result[$0].kind == .systemdUnit && result[$0].name == unit }
            guard let chosen = matches.first(where: { result[$0].directory == timer.directory }) ?? matches.first else { continue }
            result[chosen].lifetime = timer.lifetime
            result[chosen].settings["timer"] = timer.location.path
        }
        return result
    }
}
