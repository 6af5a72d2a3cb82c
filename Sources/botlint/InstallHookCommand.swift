import ArgumentParser
import BotLintKit
import Foundation

struct InstallHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-hook",
        abstract: "Install a git pre-commit hook that runs `botlint --staged`.",
        discussion: """
        The hook goes where git looks for hooks: core.hooksPath, else the repository's hooks \
        folder (shared by linked worktrees). It runs `botlint` from PATH, falling back to this \
        binary's path. Installing again updates it; `botlint uninstall-hook` removes it.
        """
    )

    @Argument(help: "A folder in the repository.")
    var path: String = "."

    @Flag(help: "Keep an existing pre-commit hook: move it to pre-commit.botlint-chained and run it before botlint.")
    var chain = false

    func run() throws {
        let hook: PreCommitHook
        let result: PreCommitHook.Installation
        do {
            hook = try PreCommitHook(repositoryContaining: path)
            result = try hook.install(chain: chain, fallbackBinary: Self.runningBinary)
        } catch PreCommitHook.Refusal.foreignHook(let existing) {
            throw InputFailure(message: "\(existing) is not botlint's hook and was left alone; rerun with --chain "
                               + "to keep it and run it before botlint, or remove it first")
        } catch PreCommitHook.Refusal.chainedHookExists(let chained) {
            throw InputFailure(message: "\(chained) already exists; remove or rename it before chaining another hook")
        } catch let error as FileSourceError {
            throw InputFailure(message: error.description)
        } catch let error as CocoaError {
            throw InputFailure(message: error.localizedDescription)
        }
        switch result {
        case .installed: print("Installed the botlint pre-commit hook: \(hook.hookPath)")
        case .updated: print("Updated the botlint pre-commit hook: \(hook.hookPath)")
        case .chained:
            print("Installed the botlint pre-commit hook: \(hook.hookPath)")
            print("The existing hook moved to \(hook.chainedPath) and runs first.")
        }
        if !Self.botlintIsOnPath {
            print("botlint is not on PATH; the hook runs \(Self.runningBinary ?? "botlint") until it is.")
        }
    }

    /// This binary's absolute path (`/proc/self/exe` on Linux), for the hook's fallback.
    static var runningBinary: String? {
        Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }

    static var botlintIsOnPath: Bool {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return folders.contains { FileManager.default.isExecutableFile(atPath: "\($0)/botlint") }
    }
}
