import Foundation

/// Renders exec-form word lists (Dockerfile `CMD [...]`, fly `cmd = [...]`) as one shell command
/// line, so the linker parses every command the same way whatever form it was written in.
enum ShellQuoting {
    static func join(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }

    /// Leaves plain words alone and single-quotes the rest (`'` becomes `'\''`).
    static func quote(_ word: String) -> String {
        if !word.isEmpty, word.unicodeScalars.allSatisfy(isPlain) { return word }
        return "'" + word.replacing("'", with: #"'\''"#) + "'"
    }

    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        case "_", "-", ".", "/", ":", "=", "@", "%", "+", ",": true
        default: false
        }
    }
}
