import Foundation

/// `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `*.dockerfile`, `Containerfile`: the final
/// stage's effective command, ENV and WORKDIR, for platforms that run the image's default
/// command. A final stage built `FROM` an earlier stage inherits that stage's ENV, CMD,
/// ENTRYPOINT and WORKDIR. ARG defaults are expanded in ENV when the ARG is visible; a value that
/// needs an unknown variable (a `--build-arg` without default, the base image's env) is nil.
public struct DockerfileExtractor: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        let lower = file.lowercasedName
        guard file.fileExtension != "dockerignore" else { return false }
        return lower == "dockerfile" || lower == "containerfile" || file.lowercasedNameHasPrefix("dockerfile.")
            || file.lowercasedNameHasPrefix("containerfile.") || file.fileExtension == "dockerfile"
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let (instructions, escape) = DockerfileLexer.instructions(file.text, path: file.path)
        var builder = StageBuilder(words: DockerWords(escape: escape))
        for instruction in instructions { builder.apply(instruction) }
        analysis.problems += builder.problems
        guard let final = builder.stages.last else { return }
        let command = final.effectiveCommand
        analysis.dockerfile = DockerfileInfo(command: command?.command, commandLocation: command?.location,
                                             env: final.env, workdir: final.workdir, builtPrograms: builder.builtPrograms)
    }
}

/// Walks the instructions and keeps every stage's state.
private struct StageBuilder {
    let words: DockerWords
    var stages: [DockerStage] = []
    var globalArgs: [String: String?] = [:]
    var problems: [ParseProblem] = []
    var builtPrograms: [BuiltProgram] = []

    mutating func apply(_ instruction: DockerInstruction) {
        switch instruction.keyword {
        case "FROM": from(instruction)
        case "ARG": arg(instruction)
        case "ENV" where !stages.isEmpty: env(instruction)
        case "WORKDIR" where !stages.isEmpty:
            let raw = instruction.arguments.trimmingWhitespace()
            let stage = stages[stages.count - 1]
            stages[stages.count - 1].changeDirectory(to: words.value(raw, lookup: stage.lookup) ?? raw)
        case "CMD" where !stages.isEmpty: stages[stages.count - 1].setCmd(DockerCommand(instruction))
        case "ENTRYPOINT" where !stages.isEmpty: stages[stages.count - 1].setEntrypoint(DockerCommand(instruction))
        case "RUN": builtPrograms += DockerBuildCommands.programs(in: instruction.arguments, path: instruction.location.path)
        default: break
        }
    }

    /// `FROM [--platform=...] image [AS name]`; an image naming an earlier stage continues it.
    private mutating func from(_ instruction: DockerInstruction) {
        let parts = words.split(instruction.arguments).map(\.raw).filter { !$0.hasPrefix("--") }
        guard let image = parts.first else {
            problem(instruction, "FROM needs an image")
            return
        }
        let resolved = (words.value(image, lookup: { globalArgs[$0] ?? nil }) ?? image).lowercased()
        var stage = stages.last { $0.name?.lowercased() == resolved } ?? DockerStage()
        stage.name = parts.count >= 3 && parts[1].lowercased() == "as" ? parts[2] : nil
        stage.args = [:]
        stage.cmdSetInStage = false
        stages.append(stage)
    }

    /// `ARG A=1 B`: before the first FROM it is global; inside a stage a bare name takes the global default.
    private mutating func arg(_ instruction: DockerInstruction) {
        for (raw, _) in words.split(instruction.arguments) {
            let pair = raw.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0])
            if stages.isEmpty {
                globalArgs[name] = pair.count == 2 ? words.value(String(pair[1]), lookup: { globalArgs[$0] ?? nil }) : nil
                continue
            }
            let stage = stages[stages.count - 1]
            let value = pair.count == 2 ? words.value(String(pair[1]), lookup: stage.lookup) : (globalArgs[name] ?? nil)
            stages[stages.count - 1].args[name] = value
        }
    }

    /// `ENV A=1 B="two words"` or the legacy `ENV A value with spaces`. Every value is expanded
    /// with the variables from before the instruction, as Docker does.
    private mutating func env(_ instruction: DockerInstruction) {
        let parts = words.split(instruction.arguments)
        let stage = stages[stages.count - 1]
        guard let first = parts.first else {
            problem(instruction, "ENV needs a name and a value")
            return
        }
        var assignments: [EnvAssignment] = []
        if first.raw.contains("=") {
            for (raw, offset) in parts {
                let pair = raw.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard pair.count == 2, !pair[0].isEmpty else {
                    problem(instruction, "ENV expects NAME=value pairs")
                    continue
                }
                assignments.append(EnvAssignment(name: String(pair[0]),
                                                 value: words.value(String(pair[1]), lookup: stage.lookup),
                                                 location: instruction.location(ofArgumentOffset: offset)))
            }
        } else {
            guard parts.count >= 2 else {
                problem(instruction, "ENV \(first.raw) has no value")
                return
            }
            let rest = String(instruction.arguments.utf8.dropFirst(parts[1].offset)) ?? ""
            assignments.append(EnvAssignment(name: first.raw, value: words.value(rest, lookup: stage.lookup),
                                             location: instruction.location(ofArgumentOffset: first.offset)))
        }
        for assignment in assignments { stages[stages.count - 1].setEnv(assignment) }
    }

    private mutating func problem(_ instruction: DockerInstruction, _ message: String) {
        problems.append(ParseProblem(location: instruction.location, format: "Dockerfile", message: message))
    }
}
