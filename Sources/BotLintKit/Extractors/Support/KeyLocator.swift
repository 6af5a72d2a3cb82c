/// Line and column of keys and values in TOML or JSON text. TOMLKit and JSONSerialization drop
/// positions, so one linear pass over the raw bytes records them by key path.
///
/// A path is the list of keys from the root; array elements (JSON arrays, TOML `[[tables]]`)
/// use their index as a component: `["services", "0", "internal_port"]`.
struct KeyLocator: Sendable {
    struct Position: Hashable, Sendable {
        var line: Int
        var column: Int
    }

    private struct Entry: Sendable {
        var key: Position
        var value: Position
    }

    let path: String
    private var entries: [String: Entry] = [:]

    /// Deeper than any key a deploy format defines. Each sighting holds its whole path, so
    /// recording every level of a 100,000-deep document would take time and memory quadratic
    /// in the depth; the scanners record nothing below this.
    static let maxDepth = 64

    /// A key found in the text: its path, where the key starts and where its value starts.
    struct Sighting: Sendable {
        var keyPath: [String]
        var key: Position
        var value: Position
    }

    static func toml(_ text: String, path: String) -> KeyLocator {
        KeyLocator(path: path, sightings: TOMLKeyScanner.scan(Array(text.utf8)))
    }

    static func json(_ text: String, path: String) -> KeyLocator {
        KeyLocator(path: path, sightings: JSONKeyScanner.scan(Array(text.utf8)))
    }

    /// For parsers that report positions themselves (YAML, JavaScript object literals).
    init(path: String, sightings: [Sighting]) {
        self.path = path
        for sighting in sightings {
            // The first occurrence wins: a duplicate is a parse error the parser reports anyway.
            let joined = Self.joined(sighting.keyPath)
            if entries[joined] == nil { entries[joined] = Entry(key: sighting.key, value: sighting.value) }
        }
    }

    /// Where the key is written (for a TOML table: its `[header]`).
    func key(_ keyPath: [String]) -> SourceLocation? {
        entries[Self.joined(keyPath)].map { location($0.key) }
    }

    /// Where the key's value starts.
    func value(_ keyPath: [String]) -> SourceLocation? {
        entries[Self.joined(keyPath)].map { location($0.value) }
    }

    /// The key, else its closest located ancestor (an inline table), else the whole file.
    func nearestKey(_ keyPath: [String]) -> SourceLocation {
        var prefix = keyPath
        while !prefix.isEmpty {
            if let found = key(prefix) { return found }
            prefix.removeLast()
        }
        return SourceLocation(path: path)
    }

    /// The value, else the nearest located key.
    func nearestValue(_ keyPath: [String]) -> SourceLocation {
        value(keyPath) ?? nearestKey(keyPath)
    }

    /// The first line a key was seen on, for ordering keys as written; `Int.max` when unknown.
    func line(_ keyPath: [String]) -> Int {
        entries[Self.joined(keyPath)]?.key.line ?? Int.max
    }

    /// Keys of a table in file order (then by name, for keys not found in the text).
    func ordered(_ keys: some Sequence<String>, under parent: [String]) -> [String] {
        keys.map { (line(parent + [$0]), $0) }.sorted { $0 < $1 }.map(\.1)
    }

    private func location(_ position: Position) -> SourceLocation {
        SourceLocation(path: path, line: position.line, column: position.column)
    }

    static func joined(_ keyPath: [String]) -> String { keyPath.joined(separator: "\u{1F}") }
}
