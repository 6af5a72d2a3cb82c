/// `Procfile` and `Procfile.*`: one `type: command` per line, as Heroku, Dokku, Scalingo, honcho
/// and foreman read it.
///
/// `Procfile.dev`, `.local`, `.development` and `.windows` are for `honcho`/`foreman`/`heroku
/// local` on a laptop: platform `.local`, one process per type (what those tools start). Other
/// Procfiles are deployed: `web` gets one dyno by default, other types run as many dynos as the
/// dashboard says (unknown); `release` runs once per deploy.
///
/// Settings: `procfile` = the file name, so rules can tell `Procfile` from `Procfile.staging`.
public struct ProcfileExtractor: Extractor {
    static let localVariants: Set<String> = ["dev", "development", "local", "windows"]

    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        file.name == "Procfile" || (PathUtil.hasPrefix(file.name, "Procfile.") && file.name.utf8.count > "Procfile.".utf8.count)
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let variant = file.name.split(separator: ".", maxSplits: 1).dropFirst().first.map { $0.lowercased() }
        let isLocal = variant.map(Self.localVariants.contains) ?? false
        var runners: [RunnerDecl] = []
        for (offset, line) in TextLines.split(file.text).enumerated() {
            let location = SourceLocation(path: file.path, line: offset + 1)
            switch ProcfileLine(line) {
            case .blank:
                continue
            case .broken(let reason, let column):
                analysis.problems.append(ParseProblem(location: SourceLocation(path: file.path, line: offset + 1, column: column),
                                                      format: "Procfile", message: reason))
            case .process(let type, let command, let commandColumn):
                if runners.contains(where: { $0.name == type }) {
                    // Heroku and honcho keep the last definition; foreman refuses the file.
                    analysis.problems.append(ParseProblem(location: location, format: "Procfile",
                                                          message: "process type '\(type)' is defined twice"))
                    runners.removeAll { $0.name == type }
                }
                runners.append(runner(type, command, commandColumn, file, location, isLocal))
            }
        }
        analysis.runners += runners
    }

    private func runner(_ type: String, _ command: String, _ commandColumn: Int, _ file: SourceFile,
                        _ location: SourceLocation, _ isLocal: Bool) -> RunnerDecl {
        RunnerDecl(kind: .procfileProcess, platform: isLocal ? .local : .heroku, name: type,
                   command: command,
                   commandLocation: SourceLocation(path: file.path, line: location.line, column: commandColumn),
                   instances: instances(type, isLocal, location),
                   lifetime: type == "release" ? .oneShot : .longRunning,
                   directory: file.directory, location: location, servesHTTP: type == "web",
                   settings: ["procfile": file.name])
    }

    private func instances(_ type: String, _ isLocal: Bool, _ location: SourceLocation) -> Instances {
        if isLocal {
            return Instances(count: 1, reason: "honcho/foreman start one process of each type", location: location)
        }
        switch type {
        case "web": return Instances(count: 1, reason: "Heroku starts one web dyno by default", location: location)
        case "release": return Instances(count: 1, reason: "the release phase runs once per deploy", location: location)
        default: return .unknown
        }
    }
}

/// One line of a Procfile, classified.
enum ProcfileLine: Equatable {
    case blank
    /// Columns are 1-based UTF-8 byte offsets.
    case process(type: String, command: String, commandColumn: Int)
    case broken(reason: String, column: Int)

    init(_ line: Substring) {
        let bytes = Array(line.utf8)
        var start = 0
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        guard start < bytes.count, bytes[start] != UInt8(ascii: "#") else { self = .blank; return }
        guard let colon = bytes[start...].firstIndex(of: UInt8(ascii: ":")) else {
            self = .broken(reason: "expected 'type: command'", column: start + 1)
            return
        }
        let type = bytes[start..<colon]
        // honcho and foreman accept [A-Za-z0-9_-]+ before the colon.
        guard !type.isEmpty, type.allSatisfy({ TokenRedaction.isWordChar($0) || $0 == UInt8(ascii: "-") }) else {
            self = .broken(reason: "invalid process type name", column: start + 1)
            return
        }
        var commandStart = colon + 1
        while commandStart < bytes.count, bytes[commandStart] == UInt8(ascii: " ") || bytes[commandStart] == UInt8(ascii: "\t") {
            commandStart += 1
        }
        var commandEnd = bytes.count
        while commandEnd > commandStart, bytes[commandEnd - 1] == UInt8(ascii: " ") || bytes[commandEnd - 1] == UInt8(ascii: "\t") {
            commandEnd -= 1
        }
        guard commandEnd > commandStart else {
            self = .broken(reason: "process type '\(String(decoding: type, as: UTF8.self))' has no command", column: colon + 1)
            return
        }
        self = .process(type: String(decoding: type, as: UTF8.self),
                        command: String(decoding: bytes[commandStart..<commandEnd], as: UTF8.self),
                        commandColumn: commandStart + 1)
    }
}
