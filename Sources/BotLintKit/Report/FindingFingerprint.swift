/// A key for a finding that survives edits elsewhere in the file: the rule, the file and the
/// primary line's text with white space folded, never the line number. Baselines, `--since` and
/// SARIF `partialFingerprints` all use it. Findings that would share a key get `#2`, `#3`, ...
/// in report order, so the keys stay unique and deterministic.
public enum FindingFingerprint {
    public static func keys(_ findings: [Finding], lineText: (SourceLocation) -> String?) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            let text = lineText(finding.location).map(fold) ?? ""
            let base = "\(finding.rule):\(finding.location.path):\(text)"
            seen[base, default: 0] += 1
            let count = seen[base]!
            return count == 1 ? base : "\(base)#\(count)"
        }
    }

    /// Trimmed, inner runs of white space collapsed to one space.
    static func fold(_ line: String) -> String {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// The text of line `n` (1-based) of a buffer, without reading past it.
    public static func line(_ n: Int, of bytes: [UInt8]) -> String? {
        guard n >= 1 else { return nil }
        var line = 1
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if line == n { return String(decoding: bytes[start..<i], as: UTF8.self) }
            line += 1
            start = i + 1
        }
        return line == n ? String(decoding: bytes[start...], as: UTF8.self) : nil
    }
}
