import Yams

/// YAML files (compose, Kubernetes, render.yaml, workflows) read into `ConfigDocument`s, one per
/// `---` document, with key positions from the parser's marks.
///
/// Hostile input stays cheap: nesting deeper than `maxDepth` is refused before libyaml sees it
/// (Yams composes recursively), and alias expansion stops after `maxNodes` nodes, so a
/// "billion laughs" file costs a few milliseconds and a BL901 note instead of the machine.
enum YAMLDocuments {
    static let maxDepth = 64
    static let maxNodes = 200_000

    static func parse(_ file: SourceFile, format: String) -> (documents: [ConfigDocument], problems: [ParseProblem]) {
        let text = file.text
        if let line = tooDeep(text) {
            return ([], [ParseProblem(location: SourceLocation(path: file.path, line: line, column: 1), format: format,
                                      message: "nesting deeper than \(maxDepth) levels; botlint does not read this file")])
        }
        var documents: [ConfigDocument] = []
        var problems: [ParseProblem] = []
        do {
            let parser = try Parser(yaml: text)
            while let node = try parser.nextRoot() {
                var converter = Converter(path: file.path)
                let value = converter.convert(node, keyPath: [], depth: 0)
                if converter.exhausted {
                    problems.append(ParseProblem(location: SourceLocation(path: file.path, line: 1, column: 1), format: format,
                                                 message: "aliases expand to more than \(maxNodes) nodes; botlint does not read this file"))
                    return ([], problems)
                }
                documents.append(ConfigDocument(root: value.table ?? [:],
                                                locator: KeyLocator(path: file.path, sightings: converter.sightings),
                                                problems: []))
            }
        } catch let error as YamlError {
            problems.append(problem(error, file: file, format: format))
        } catch {
            problems.append(ParseProblem(location: SourceLocation(path: file.path, line: 1, column: 1), format: format,
                                         message: "unreadable YAML"))
        }
        return (documents, problems)
    }

    /// The first document, or an empty one carrying the problems.
    static func single(_ file: SourceFile, format: String) -> ConfigDocument {
        let (documents, problems) = parse(file, format: format)
        var document = documents.first
            ?? ConfigDocument(root: [:], locator: KeyLocator(path: file.path, sightings: []), problems: [])
        document.problems = problems
        return document
    }

    private static func problem(_ error: YamlError, file: SourceFile, format: String) -> ParseProblem {
        var location = SourceLocation(path: file.path, line: 1, column: 1)
        var message = "invalid YAML"
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            location = SourceLocation(path: file.path, line: max(mark.line, 1), column: max(mark.column, 1))
            message = "invalid YAML: " + problem
        default:
            break
        }
        return ParseProblem(location: location, format: format, message: TokenRedaction.scrub(message))
    }

    /// The first line where flow brackets or block indentation go deeper than `maxDepth`, else nil.
    /// Counting is rough (quotes are skipped, comments too) but never lower than the real depth
    /// for the inputs that matter: long runs of `[`, `{`, `- ` or indentation.
    static func tooDeep(_ text: String) -> Int? {
        var flow = 0
        var line = 1
        var atLineStart = true
        var blockDepth = 0
        var quote: UInt8 = 0
        var comment = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                line += 1
                atLineStart = true
                blockDepth = 0
                comment = false
                if quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") { continue }
                continue
            }
            if comment { continue }
            if quote != 0 {
                if byte == quote { quote = 0 }
                continue
            }
            if atLineStart {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") {
                    blockDepth += 1
                    // Indentation is usually two columns per level.
                    if blockDepth > maxDepth * 4 { return line }
                    continue
                }
                atLineStart = false
            }
            switch byte {
            case UInt8(ascii: "#"): comment = true
            case UInt8(ascii: "\""), UInt8(ascii: "'"): if flow > 0 { quote = byte }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flow += 1
                if flow > maxDepth { return line }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): flow = max(0, flow - 1)
            default: break
            }
        }
        return nil
    }

    /// Node → `ConfigValue`, recording every key's position. Merge keys (`<<: *defaults`) fill
    /// keys the mapping does not set itself, as compose files use them.
    private struct Converter {
        let path: String
        var sightings: [KeyLocator.Sighting] = []
        var visited = 0
        var exhausted = false

        init(path: String) { self.path = path }

        mutating func convert(_ node: Node, keyPath: [String], depth: Int) -> ConfigValue {
            visited += 1
            guard !exhausted, visited <= YAMLDocuments.maxNodes, depth <= YAMLDocuments.maxDepth * 2 else {
                exhausted = true
                return .other
            }
            switch node {
            case .scalar(let scalar):
                return Self.scalarValue(scalar)
            case .sequence(let sequence):
                var items: [ConfigValue] = []
                for (index, item) in sequence.enumerated() {
                    let itemPath = keyPath + [String(index)]
                    record(itemPath, key: item.mark, value: item.mark)
                    items.append(convert(item, keyPath: itemPath, depth: depth + 1))
                }
                return .array(items)
            case .mapping(let mapping):
                var fields: [String: ConfigValue] = [:]
                var merged: [[String: ConfigValue]] = []
                for (key, value) in mapping {
                    guard let name = key.scalar?.string else { continue }
                    if name == "<<", key.scalar?.style == .plain {
                        let sources = value.sequence.map(Array.init) ?? [value]
                        for source in sources {
                            if let table = convert(source, keyPath: keyPath, depth: depth + 1).table { merged.append(table) }
                        }
                        continue
                    }
                    let childPath = keyPath + [name]
                    record(childPath, key: key.mark, value: value.mark)
                    fields[name] = convert(value, keyPath: childPath, depth: depth + 1)
                }
                for table in merged {
                    for (name, value) in table where fields[name] == nil { fields[name] = value }
                }
                return .table(fields)
            case .alias:
                return .other
            }
        }

        private mutating func record(_ keyPath: [String], key: Mark?, value: Mark?) {
            guard let key else { return }
            let value = value ?? key
            sightings.append(KeyLocator.Sighting(keyPath: keyPath,
                                                 key: .init(line: key.line, column: key.column),
                                                 value: .init(line: value.line, column: value.column)))
        }

        /// YAML 1.1 scalars as compose and Kubernetes read them: quoted text stays text.
        private static func scalarValue(_ scalar: Node.Scalar) -> ConfigValue {
            let text = scalar.string
            guard scalar.style == .plain else { return .string(text) }
            switch text {
            case "true", "True", "TRUE", "yes", "Yes", "on", "On": return .bool(true)
            case "false", "False", "FALSE", "no", "No", "off", "Off": return .bool(false)
            case "", "~", "null", "Null", "NULL": return .other
            default: break
            }
            if let integer = Int(text) { return .integer(integer) }
            if let double = Double(text), text.contains(".") { return .double(double) }
            return .string(text)
        }
    }
}
