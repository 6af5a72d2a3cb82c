import Foundation

/// A CMD or ENTRYPOINT as written: exec form (a JSON array) or shell form.
struct DockerCommand {
    enum Form: Equatable {
        case exec([String])
        case shell(String)
    }

    var form: Form
    var location: SourceLocation

    /// Exec form only when the text is a JSON array of strings, as in Docker; else shell form.
    init?(_ instruction: DockerInstruction) {
        let text = instruction.arguments.trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        location = instruction.location(ofArgumentOffset: 0)
        if text.hasPrefix("["), let words = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String] {
            form = .exec(words)
        } else {
            form = .shell(text)
        }
    }
}

/// What a build stage has accumulated so far: a later `FROM <this stage>` starts from a copy.
struct DockerStage {
    var name: String?
    var env: [EnvAssignment] = []
    /// Visible ARG values; nil when only a `--build-arg` could give one.
    var args: [String: String?] = [:]
    var cmd: DockerCommand?
    var entrypoint: DockerCommand?
    /// Docker keeps an inherited CMD after a new ENTRYPOINT only if this stage sets CMD itself.
    var cmdSetInStage = false
    var workdir: String?

    /// ENV wins over ARG of the same name, as in Docker.
    func lookup(_ name: String) -> String? {
        if let assignment = env.last(where: { $0.name == name }) { return assignment.value }
        return args[name] ?? nil
    }

    mutating func setEnv(_ assignment: EnvAssignment) {
        env.removeAll { $0.name == assignment.name }
        env.append(assignment)
    }

    mutating func setCmd(_ command: DockerCommand?) {
        cmd = command
        cmdSetInStage = true
    }

    mutating func setEntrypoint(_ command: DockerCommand?) {
        entrypoint = command
        if !cmdSetInStage { cmd = nil }
    }

    mutating func changeDirectory(to path: String) {
        workdir = path.hasPrefix("/") ? path : PathUtil.join(workdir ?? "/", path).withLeadingSlash
    }

    /// Docker's rules: exec ENTRYPOINT + CMD as arguments (a shell CMD as `/bin/sh -c`); a shell
    /// ENTRYPOINT ignores CMD. The location is the CMD's when it contributes, else ENTRYPOINT's.
    var effectiveCommand: (command: String, location: SourceLocation)? {
        if let entrypoint, case .shell(let text) = entrypoint.form { return (text, entrypoint.location) }
        var entryWords: [String] = []
        if case .exec(let words)? = entrypoint?.form { entryWords = words }
        var cmdWords: [String] = []
        if let cmd {
            switch cmd.form {
            case .exec(let words): cmdWords = words
            case .shell(let text) where entrypoint == nil: return (text, cmd.location)
            case .shell(let text): cmdWords = ["/bin/sh", "-c", text]
            }
        }
        guard !(entryWords + cmdWords).isEmpty,
              let location = cmdWords.isEmpty ? entrypoint?.location : cmd?.location else { return nil }
        return (ShellQuoting.join(entryWords + cmdWords), location)
    }
}

private extension String {
    var withLeadingSlash: String { "/" + self }
}
