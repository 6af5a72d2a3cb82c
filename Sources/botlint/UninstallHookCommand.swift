import ArgumentParser
import BotLintKit
import Foundation

struct UninstallHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall-hook",
        abstract: "Remove botlint's git pre-commit hook, putting back a hook it chained."
    )

    @Argument(help: "A folder in the repository.")
    var path: String = "."

    func run() throws {
        let hook: PreCommitHook
        let result: PreCommitHook.Removal
        do {
            hook = try PreCommitHook(repositoryContaining: path)
            result = try hook.uninstall()
        } catch let error as FileSourceError {
            throw InputFailure(message: error.description)
        } catch let error as CocoaError {
            throw InputFailure(message: error.localizedDescription)
        }
        switch result {
        case .removed: print("Removed the botlint pre-commit hook: \(hook.hookPath)")
        case .restored: print("Removed the botlint pre-commit hook; the chained hook is back at \(hook.hookPath)")
        case .notInstalled: print("No pre-commit hook at \(hook.hookPath); nothing to remove.")
        case .foreignHookLeftAlone: print("\(hook.hookPath) is not botlint's hook; left alone.")
        }
    }
}
