/// Resolves application settings the way the frameworks do: Spring `application*.yml` and
/// `.properties` (an env variable with the relaxed name overrides a key: `telegram.bot.token` ←
/// `TELEGRAM_BOT_TOKEN`), .NET `appsettings*.json` (`Telegram:Token` ← `Telegram__Token`) and
/// Laravel `config/*.php` (`telegram.bots.mybot.token` → the `env()` it reads).
struct AppSettingsLookup {
    let index: RepositoryIndex

    func value(of key: String, near path: String) -> ValueExpr {
        for file in settingsFiles(near: path) {
            guard let code = index.code(file) else { continue }
            if let value = code.assignments[key] ?? code.settingsFields[key] { return value }
        }
        return Self.environmentOverride(key).map { .env($0, default: nil) } ?? .attribute(base: ValueExpr.settingsBase, name: key)
    }

    /// The variable that overrides a key; nil for Laravel config keys (only `env()` reads the env).
    static func environmentOverride(_ key: String) -> String? {
        if key.contains(":") { return key.replacing(":", with: "__") }
        if key.contains(".") { return CFamilyAnnotations.relaxedEnvName(key) }
        return nil
    }

    /// Settings files by closeness: the same module first (sharing the longest folder prefix),
    /// the default profile before `application-dev.yml`.
    private func settingsFiles(near path: String) -> [String] {
        let candidates = index.analyses.keys.filter { candidate in
            guard let code = index.analyses[candidate]?.code else { return false }
            return code.language == .settings || (code.language == .php && !code.settingsFields.isEmpty)
        }
        return candidates.sorted { a, b in
            let sa = sharedPrefix(a, path), sb = sharedPrefix(b, path)
            if sa != sb { return sa > sb }
            let pa = isProfile(a), pb = isProfile(b)
            if pa != pb { return !pa }
            return a < b
        }
    }

    private func sharedPrefix(_ a: String, _ b: String) -> Int {
        zip(a.split(separator: "/").dropLast(), b.split(separator: "/").dropLast()).prefix { $0 == $1 }.count
    }

    private func isProfile(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasPrefix("application-") || (name.hasPrefix("appsettings.") && name.split(separator: ".").count > 2)
    }
}
