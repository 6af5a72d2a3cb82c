import Foundation
import TOMLKit

/// A TOML or JSON file read into a `ConfigValue` tree, with key positions and parse problems.
struct ConfigDocument: Sendable {
    /// The root table; empty when nothing could be read.
    var root: [String: ConfigValue]
    var locator: KeyLocator
    var problems: [ParseProblem]

    subscript(key: String) -> ConfigValue? { root[key] }

    /// How many broken lines a TOML file may have before botlint gives up on it.
    private static let maxTOMLRepairs = 16

    /// Parses TOML. On an error it reports the first one, blanks the offending line and parses
    /// again, so one bad line does not hide the rest of the file.
    static func toml(_ file: SourceFile) -> ConfigDocument {
        let text = file.text
        var lines = TextLines.split(text).map(String.init)
        var problems: [ParseProblem] = []
        // Each round either blanks the lines the parser would crash on, or parses. Crashing lines
        // are looked for again after every repair: blanking a line can turn the next one (inside
        // an array) into a header, or bring a `}` next to a `[` (`r=[` / `}` / `}`).
        for _ in 0...(2 * maxTOMLRepairs) {
            let crashing = TOMLKeyScanner.linesTheParserCannotTake(Array(lines.joined(separator: "\n").utf8))
                .filter { (1...lines.count).contains($0.line) && !lines[$0.line - 1].isEmpty }
            if !crashing.isEmpty {
                for (line, problem) in crashing {
                    if problems.isEmpty {
                        problems.append(ParseProblem(location: SourceLocation(path: file.path, line: line, column: 1),
                                                     format: "TOML", message: problem))
                    }
                    lines[line - 1] = ""
                }
                continue
            }
            do {
                let table = try TOMLTable(string: lines.joined(separator: "\n"))
                return ConfigDocument(root: ConfigValue(tomlTable: table).table ?? [:],
                                      locator: .toml(text, path: file.path), problems: problems)
            } catch let error as TOMLParseError {
                let line = error.source.begin.line
                if problems.isEmpty {
                    problems.append(ParseProblem(
                        location: SourceLocation(path: file.path, line: line, column: error.source.begin.column),
                        format: "TOML", message: TokenRedaction.scrub(error.description)))
                }
                guard (1...lines.count).contains(line), !lines[line - 1].isEmpty else { break }
                lines[line - 1] = ""
            } catch {
                break
            }
        }
        return ConfigDocument(root: [:], locator: .toml(text, path: file.path), problems: problems)
    }

    /// Parses JSON (a top-level object). Broken JSON gives a problem at the reported offset.
    static func json(_ file: SourceFile) -> ConfigDocument {
        let text = file.text
        let locator = KeyLocator.json(text, path: file.path)
        do {
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            guard let root = ConfigValue(json: object).table else {
                let problem = ParseProblem(location: SourceLocation(path: file.path, line: 1, column: 1),
                                           format: "JSON", message: "the top level is not an object")
                return ConfigDocument(root: [:], locator: locator, problems: [problem])
            }
            return ConfigDocument(root: root, locator: locator, problems: [])
        } catch {
            let problem = ParseProblem(location: jsonErrorLocation(error, text: text, path: file.path),
                                       format: "JSON", message: "invalid JSON: " + jsonErrorSummary(error))
            return ConfigDocument(root: [:], locator: locator, problems: [problem])
        }
    }

    /// Foundation's description without its position (the location carries it).
    private static func jsonErrorSummary(_ error: Error) -> String {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "unreadable"
        let summary = description.components(separatedBy: " around ").first ?? description
        return TokenRedaction.scrub(summary.trimmingCharacters(in: CharacterSet(charactersIn: ". ")))
    }

    /// Foundation reports "around character N" (or "line L, column C"); turn it into a position.
    private static func jsonErrorLocation(_ error: Error, text: String, path: String) -> SourceLocation {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
        let numbers = description.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        if description.contains("line"), numbers.count >= 2 {
            return SourceLocation(path: path, line: numbers[0], column: max(1, numbers[1]))
        }
        guard description.contains("character"), let offset = numbers.last else {
            return SourceLocation(path: path)
        }
        let position = LineIndex(text).position(ofUTF8Offset: offset)
        return SourceLocation(path: path, line: position.line, column: position.column)
    }
}
