/// A Fly process group: a `[processes]` entry, or the implicit `app` group.
struct FlyProcessGroup {
    var name: String
    /// nil: the image's default command.
    var command: String?
    var commandLocation: SourceLocation?
    var location: SourceLocation

    static func all(in document: ConfigDocument) -> [FlyProcessGroup] {
        let locator = document.locator
        if let processes = document["processes"]?.table, !processes.isEmpty {
            return processes.keys.sorted().map { name in
                let path = ["processes", name]
                let command = processes[name]?.commandLine.flatMap { $0.isEmpty ? nil : $0 }
                return FlyProcessGroup(name: name, command: command,
                                       commandLocation: command == nil ? nil : locator.nearestValue(path),
                                       location: locator.nearestKey(path))
            }
        }
        return [defaultGroup(document)]
    }

    /// Without `[processes]`, machines run `[experimental] entrypoint` + `cmd` when given,
    /// else the image's ENTRYPOINT/CMD.
    private static func defaultGroup(_ document: ConfigDocument) -> FlyProcessGroup {
        let experimental = document["experimental"]
        let words = [experimental?["entrypoint"]?.commandLine, experimental?["cmd"]?.commandLine]
            .compactMap { $0 }.filter { !$0.isEmpty }
        let commandPath = experimental?["cmd"] != nil ? ["experimental", "cmd"] : ["experimental", "entrypoint"]
        let command = words.isEmpty ? nil : words.joined(separator: " ")
        let location = command != nil ? document.locator.nearestKey(commandPath)
            : document.locator.key(["app"]) ?? SourceLocation(path: document.locator.path)
        return FlyProcessGroup(name: "app", command: command,
                               commandLocation: command == nil ? nil : document.locator.nearestValue(commandPath),
                               location: location)
    }
}
