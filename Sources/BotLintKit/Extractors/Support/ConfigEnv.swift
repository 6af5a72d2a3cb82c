/// Environment blocks written as a `NAME: value` map or a `NAME=value` list (compose, pm2,
/// Kubernetes `env`), turned into assignments with their positions.
enum ConfigEnv {
    static func assignments(_ value: ConfigValue?, at keyPath: [String], in document: ConfigDocument) -> [EnvAssignment] {
        guard let value else { return [] }
        if let table = value.table {
            return document.locator.ordered(table.keys, under: keyPath).map { name in
                EnvAssignment(name: name, value: table[name].flatMap(\.scalarText).flatMap(interpolated(name)),
                              location: document.locator.nearestKey(keyPath + [name]))
            }
        }
        guard let items = value.array else { return [] }
        return items.enumerated().compactMap { index, item in
            guard let text = item.string, !text.isEmpty else { return nil }
            let pair = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0])
            guard ShellNames.isIdentifier(name) else { return nil }
            return EnvAssignment(name: name, value: pair.count == 2 ? interpolated(name)(String(pair[1])) : nil,
                                 location: document.locator.nearestKey(keyPath + [String(index)]))
        }
    }

    /// `${OTHER}` as the whole value names another variable (kept, so the token follows it);
    /// any other `$` interpolation comes from the deploying shell: unknown.
    static func interpolated(_ name: String) -> (String) -> String? {
        { value in
            let unescaped = value.replacing("$$", with: "")
            guard unescaped.contains("$") else { return value.replacing("$$", with: "$") }
            if let reference = TokenIdentity.variableReference(value), reference != name { return value }
            return nil
        }
    }
}
