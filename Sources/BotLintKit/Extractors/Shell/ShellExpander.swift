import Foundation

/// A word after expansion. `isKnown` is false when some part could not be resolved statically
/// (an unknown variable, a command substitution); such parts are kept as written.
struct ShellExpansion: Hashable, Sendable {
    var text: String
    var isKnown: Bool
}

/// Expands words with the variables a script assigned earlier. Never runs anything: command
/// substitutions stay opaque except the "folder of this script" idioms.
struct ShellExpander {
    var variables: [String: String]
    /// The tracked `cd` directory, for `$(pwd)` and `$PWD`.
    var directory: String

    func expand(_ word: ShellWord) -> ShellExpansion { expand(word.parts) }

    func expand(_ parts: [ShellWordPart]) -> ShellExpansion {
        var text = ""
        var known = true
        for part in parts {
            let piece = expand(part)
            text += piece.text
            known = known && piece.isKnown
        }
        return ShellExpansion(text: text, isKnown: known)
    }

    private func expand(_ part: ShellWordPart) -> ShellExpansion {
        switch part {
        case .literal(let text, _):
            return ShellExpansion(text: text, isKnown: true)
        case .parameter(let name, let modifier, let raw):
            if name == "PWD", modifier.isEmpty { return ShellExpansion(text: currentDirectory, isKnown: true) }
            guard let value = variables[name] else { return ShellExpansion(text: raw, isKnown: false) }
            return parameter(value: value, modifier: modifier, raw: raw)
        case .substitution(let inner, let raw):
            if Self.isScriptDirectory(inner) { return ShellExpansion(text: ".", isKnown: true) }
            if inner.trimmingWhitespace() == "pwd" {
                return ShellExpansion(text: currentDirectory, isKnown: true)
            }
            return ShellExpansion(text: raw, isKnown: false)
        }
    }

    private var currentDirectory: String { directory.isEmpty ? "." : directory }

    private func parameter(value: String, modifier: String, raw: String) -> ShellExpansion {
        if modifier.isEmpty { return ShellExpansion(text: value, isKnown: true) }
        for op in [":-", ":="] where modifier.hasPrefix(op) {
            return ShellExpansion(text: value.isEmpty ? String(modifier.dropFirst(2)) : value, isKnown: true)
        }
        if modifier.hasPrefix("-") || modifier.hasPrefix("=") { return ShellExpansion(text: value, isKnown: true) }
        if modifier.hasPrefix(":+") {
            return ShellExpansion(text: value.isEmpty ? "" : String(modifier.dropFirst(2)), isKnown: true)
        }
        return ShellExpansion(text: raw, isKnown: false)
    }

    /// `$(dirname "$0")`, `$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)`, `$(realpath $(dirname $0))`.
    static func isScriptDirectory(_ inner: String) -> Bool {
        inner.contains("dirname") && (inner.contains("$0") || inner.contains("${0}") || inner.contains("BASH_SOURCE"))
    }
}

/// Joins shell paths relative to the script's folder. Unlike `PathUtil.join`, a leading `..`
/// is kept (the script may live in `scripts/`), and absolute or unresolved paths stay as written.
enum ShellPath {
    static func join(_ base: String, _ path: String) -> String {
        if path.hasPrefix("/") || path.hasPrefix("~") || path.hasPrefix("$") || base.hasPrefix("$") {
            return path.hasPrefix("/") || base.isEmpty || base == "." ? normalize(path) : normalize(base + "/" + path)
        }
        return normalize(base.isEmpty ? path : base + "/" + path)
    }

    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }
}
