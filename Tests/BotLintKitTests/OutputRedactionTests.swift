import Foundation
import Testing
@testable import BotLintKit

/// Whatever a repository holds and wherever a token sits (a literal, a URL, a broken config file
/// whose parser error quotes it), no output of botlint ever shows a token in full.
@Suite("Token redaction in every output")
struct OutputRedactionTests {
    /// Every output botlint can print for a folder.
    static let outputs: [[String]] = [["--format", "text"], ["--format", "json"], ["topology"]]

    /// Rule cases and examples, plus a repository that puts tokens where parsers echo text back.
    static func fixtures() throws -> (folders: [String], keep: SourceScratchFolder) {
        let hostile = try SourceScratchFolder()
        let tokens = (0..<6).map { Self.token(seed: UInt64($0 + 1)) }
        try hostile.write("Procfile", "web: TOKEN=\(tokens[0]) python bot.py\nworker: python bot.py \(tokens[1])\n")
        try hostile.write("bot.py", """
            import requests
            from telegram.ext import Application
            app = Application.builder().token("\(tokens[2])").build()
            requests.get("https://api.telegram.org/bot\(tokens[3])/setWebhook?url=http://x:8080/")
            app.run_polling()

            """)
        try hostile.write("fly.toml", "app = \"\(tokens[4])\n[processes]\nbot = \"python bot.py \(tokens[4])\"\n")
        try hostile.write("railway.json", "{\"deploy\": {\"startCommand\": \"\(tokens[5])\" \"x\"}}")
        try hostile.write("app.json", "{\"\(tokens[5])\": }")
        try hostile.write(".env", "TELEGRAM_TOKEN=\(tokens[2])\nOTHER='\(tokens[3])\n")
        try hostile.write("keys/\(tokens[1]).txt", "old key: \(tokens[1])\n")
        try hostile.write("start.sh", "#!/bin/sh\nBOT_TOKEN=\(tokens[0]) nohup python bot.py &\npython bot.py \"\(tokens[1])\n",
                          executable: true)
        let cases = RuleCase.all.map(\.directory)
        let examples = try FileManager.default.contentsOfDirectory(atPath: RuleCase.repositoryRoot + "/examples")
            .sorted().map { RuleCase.repositoryRoot + "/examples/" + $0 }
        return ([hostile.path] + cases + examples, hostile)
    }

    /// A token-shaped value that is not a placeholder (varied secret characters).
    static func token(seed: UInt64) -> String {
        var generator = SeededGenerator(seed: seed)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
        let id = 100_000_000 + Int(generator.next() % 900_000_000)
        let secret = String((0..<35).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        return "\(id):AA" + secret.dropFirst(2)
    }

    static func tokens(in folder: String) -> Set<String> {
        var found: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            guard let data = FileManager.default.contents(atPath: folder + "/" + relative) else { continue }
            let bytes = [UInt8](data)
            for range in TokenRedaction.findTokens(in: bytes) { found.insert(String(decoding: bytes[range], as: UTF8.self)) }
        }
        return found
    }

    @Test func noOutputShowsAFixtureTokenInFull() throws {
        let (folders, keep) = try Self.fixtures()
        var checked = 0
        for folder in folders {
            let tokens = Self.tokens(in: folder)
            guard !tokens.isEmpty else { continue }
            for output in Self.outputs {
                let run = try CLITests.run(output + ["--no-git", folder])
                let printed = run.stdout + run.stderr
                for token in tokens {
                    #expect(!printed.contains(token), "\(output) of \(folder) shows \(TokenRedaction.redact(token))")
                    // Neither the secret alone (the part that grants access).
                    #expect(!printed.contains(String(token.split(separator: ":")[1])))
                }
                checked += 1
            }
        }
        withExtendedLifetime(keep) {}
        // The hostile repository and the BL401/BL402 cases hold tokens.
        #expect(checked >= 3 * 3)
    }
}
