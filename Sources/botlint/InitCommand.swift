import ArgumentParser
import BotLintKit
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented .botlint.toml (never overwrites one)."
    )

    @Argument(help: "Repository folder to write .botlint.toml into.")
    var path: String = "."

    func run() throws {
        let file = (path as NSString).appendingPathComponent(ConfigLoader.fileName)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputFailure(message: "\(path): no such folder")
        }
        guard !FileManager.default.fileExists(atPath: file) else {
            throw InputFailure(message: "\(file) already exists; botlint init never overwrites it (`botlint config --show` prints what it sets)")
        }
        guard FileManager.default.createFile(atPath: file, contents: Data(ConfigTemplate.text.utf8)) else {
            throw InputFailure(message: "\(file): cannot be written")
        }
        print("Wrote \(file). Every key is commented; `botlint config --show` prints the effective settings.")
        print("To check before each commit, install the git hook: botlint install-hook")
    }
}
