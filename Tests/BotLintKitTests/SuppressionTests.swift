import Foundation
import Testing
@testable import BotLintKit

/// `botlint: disable` comments: syntax per format, scopes, unused ones (BL902), the off switch.
@Suite("Inline suppressions")
struct SuppressionTests {
    /// Token-shaped, split so this file holds no literal token.
    static let token = "5123456789:" + "AAHk3nq8Zr1Lm2xYp7Wc4Tb6Vd0Ue9Qs5Fg"

    static func scopes(_ path: String, _ text: String) -> [Suppression.Scope] {
        SuppressionScanner.scan(SourceFile(path: path, bytes: Array(text.utf8))).map(\.scope)
    }

    static func findings(_ folder: SourceScratchFolder, inline: Bool = true) throws -> [String] {
        let report = try Linter.run(LintOptions(path: folder.path, overrides: ConfigOverrides(inlineSuppressions: inline ? nil : false)),
                                    source: WorkTreeSource(path: folder.path, useGit: false))
        return report.findings.map { "\($0.rule) \($0.location.path):\($0.location.line)" }
    }

    // MARK: A token literal (BL401) in every format: above, trailing, and a stale comment

    @Test(arguments: [
        ("Procfile", "# botlint: disable=BL401 throwaway test bot\nweb: BOT_TOKEN=\(token) python bot.py\n"),
        ("fly.toml", "app = \"x\"\n\n# botlint: disable=BL401 revoked\n[env]\n  LOG = \"1\"\n  BOT_TOKEN = \"\(token)\"\n"),
        ("railway.toml", "[deploy]\nstartCommand = \"BOT_TOKEN=\(token) python bot.py\" # botlint: disable=token-in-repo\n"),
        ("crontab.txt", "# botlint: disable=BL401\n@reboot BOT_TOKEN=\(token) python bot.py\n"),
        ("run.sh", "#!/bin/sh\n# botlint: disable=BL401 local test bot\nexport BOT_TOKEN=\(token)\npython bot.py\n"),
        ("bot.py", "import os\n\n# botlint: disable=BL401 revoked in @BotFather\nTOKEN = os.getenv(\n    \"BOT_TOKEN\",\n    \"\(token)\",\n)\n"),
        ("index.js", "// botlint: disable=BL401 revoked\nconst bot = new Telegraf(\n  process.env.BOT_TOKEN ||\n    '\(token)'\n);\n"),
        ("index.ts", "const token = '\(token)'; /* botlint: disable=BL401 revoked */\n"),
        ("Dockerfile", "FROM python:3.12-slim\n# botlint: disable=BL401 build-time test bot\nENV MODE=polling \\\n    BOT_TOKEN=\(token)\nCMD [\"python\", \"bot.py\"]\n"),
        ("docker-compose.yml", "services:\n  # botlint: disable=BL401\n  bot:\n    environment:\n      BOT_TOKEN: \"\(token)\"\n  web:\n    image: x\n"),
        (".env", "# botlint: disable=BL401 dev bot\nBOT_TOKEN=\(token)\n"),
        ("README.md", "Run it:\n<!-- botlint: disable=BL401 the docs' example bot -->\n`BOT_TOKEN=\(token)`\n"),
    ])
    func suppressesInEachFormat(_ path: String, _ text: String) throws {
        let folder = try SourceScratchFolder()
        try folder.write(path, text)
        #expect(try Self.findings(folder).isEmpty, "\(path)")
        #expect(try Self.findings(folder, inline: false).filter { $0.hasPrefix("BL401") }.count == 1, "\(path)")
    }

    @Test func jsonHasNoComments() {
        #expect(Self.scopes("package.json", "{\"x\": \"# botlint: disable=BL401\"}\n").isEmpty)
    }

    @Test func commentsBelowOrElsewhereDoNotSuppress() throws {
        let folder = try SourceScratchFolder()
        try folder.write("Procfile", "web: BOT_TOKEN=\(Self.token) python bot.py\n# botlint: disable=BL401\nworker: python other.py\n")
        #expect(try Self.findings(folder) == ["BL401 Procfile:1", "BL902 Procfile:2"])
    }

    // MARK: Scopes

    @Test func tomlTableRunsToTheNextHeader() {
        let text = "app = \"x\"\n# botlint: disable=BL103\n[http_service]\n  internal_port = 8080\n\n  min_machines_running = 2\n[env]\n  A = \"1\"\n"
        #expect(Self.scopes("fly.toml", text) == [.lines(3...6)])
        let key = "[processes]\n# botlint: disable=BL101\nworker = [\n  \"python\",\n  \"bot.py\",\n]\nweb = \"gunicorn app:app\"\n"
        #expect(Self.scopes("fly.toml", key) == [.lines(3...6)])
    }

    @Test func yamlMappingTakesItsIndentedBlock() {
        let text = "services:\n  # botlint: disable=BL101\n  bot:\n    command: python bot.py\n\n    restart: always\n  web:\n    image: x\n"
        #expect(Self.scopes("compose.yaml", text) == [.lines(3...6)])
    }

    @Test func pythonCompoundStatementsTakeTheirBlock() {
        let text = """
            class BotConfig(AppConfig):
                # botlint: disable=BL106 the bot runs in its own process (RUN_MAIN check)
                @override
                def ready(self):
                    start_bot()

                    log("started")

                name = "bot"

            """
        #expect(Self.scopes("apps.py", text) == [.lines(3...7)])
        let call = "# botlint: disable=BL101\napp.run_polling(\n    allowed_updates=[],\n)\nother()\n"
        #expect(Self.scopes("bot.py", call) == [.lines(2...4)])
        let trailing = "app.run_polling()  # botlint: disable=BL101 reason\n"
        #expect(Self.scopes("bot.py", trailing) == [.lines(1...1)])
    }

    @Test func javascriptStatementRunsUntilBracketsClose() {
        let text = "// botlint: disable=BL101\nconst bot = new TelegramBot(token, {\n  polling: true, // keep\n  url: `a\n}`,\n});\nbot.on('x', f);\n"
        #expect(Self.scopes("index.js", text) == [.lines(2...6)])
        let url = "const u = 'http://x'; // botlint: disable=BL401\n"
        #expect(Self.scopes("index.js", url) == [.lines(1...1)])
    }

    @Test func shellAndDockerfileFollowContinuations() {
        let shell = "#!/bin/sh\n# botlint: disable=BL104\nnohup python bot.py \\\n  --verbose &\necho started\n"
        #expect(Self.scopes("start.sh", shell) == [.lines(3...4)])
        let crontab = "# botlint: disable=BL105\n\n# keep alive\n*/5 * * * * python bot.py \\\n"
        #expect(Self.scopes("crontab", crontab) == [.lines(4...4)])
    }

    @Test func stackedCommentsShareTheDeclaration() {
        let text = "# botlint: disable=BL101\n# botlint: disable=BL104 reason\nworker: python bot.py\n"
        #expect(Self.scopes("Procfile", text) == [.lines(3...3), .lines(3...3)])
    }

    @Test func directiveSyntax() throws {
        let file = SourceFile(path: "Procfile", bytes: Array("""
            # botlint: disable-file=BL401,two-pollers , BL104 -- vendored from the old repo
            # botlint: disable=all
            # botlint: disabel=BL101
            # botlint: disable=
            # see botlint: docs
            web: python bot.py

            """.utf8))
        let found = SuppressionScanner.scan(file)
        #expect(found.count == 4)
        #expect(found[0].scope == .file && found[0].rules == ["BL401", "BL101", "BL104"])
        #expect(found[0].reason == "vendored from the old repo")
        #expect(found[1].coversAllRules && found[1].scope == .lines(6...6))
        #expect(found[2].problem != nil && found[3].problem != nil)
    }

    // MARK: Unused suppressions and the off switch

    @Test func unusedSuppressionsAreNotes() throws {
        let folder = try SourceScratchFolder()
        try folder.write("Procfile", """
            # botlint: disable=BL401,BL110 one real id, one typo
            web: BOT_TOKEN=\(Self.token) python bot.py
            # botlint: disable=BL101
            worker: python worker.py # botlint: disabel=BL101

            """)
        let report = try Linter.run(LintOptions(path: folder.path), source: WorkTreeSource(path: folder.path, useGit: false))
        let notes = report.findings.filter { $0.rule == "BL902" }
        #expect(notes.map(\.location.line) == [1, 3, 4])
        #expect(notes.allSatisfy { $0.severity == .note })
        #expect(notes[0].message.contains("BL110 is not a rule") && !notes[0].message.contains("no BL401"))
        #expect(notes[1].message.contains("no BL101 finding starts on line 4"))
        #expect(notes[2].message.contains("is not understood"))
        #expect(TokenRedaction.findTokens(in: Array(JSONReporter.render(report).utf8)).isEmpty)
    }

    @Test func disabledRulesAndTheConfigSwitch() throws {
        let folder = try SourceScratchFolder()
        try folder.write("Procfile", "# botlint: disable=BL101\nworker: python worker.py\n")
        #expect(try Self.findings(folder) == ["BL902 Procfile:1"])
        try folder.write(".botlint.toml", "[rules]\ndisable = [\"BL101\"]\n")
        #expect(try Self.findings(folder).isEmpty)
        try folder.write(".botlint.toml", "inline-suppressions = false\n")
        #expect(try Self.findings(folder).isEmpty)
    }

    @Test func noInlineSuppressionsFlagReportsEverything() throws {
        let path = CLITests.casePath("BL902", "comment-in-use")
        #expect(try CLITests.run(["--no-git", path]).status == 0)
        let run = try CLITests.run(["--no-git", "--no-inline-suppressions", path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("BL101 two-pollers"))
    }
}

/// Bad input never crashes: random bytes built from the characters scopes depend on.
@Suite("Suppression and config robustness")
struct SuppressionRobustnessTests {
    static let pieces = ["# botlint: disable=BL101", "// botlint: disable=all", "/* botlint: disable-file=BL401 */",
                         "<!-- botlint: x -->", "\n", "\r\n", "  ", "\t", "[", "]", "(", ")", "{", "}", "\"", "'", "`",
                         "\"\"\"", "\\", ":", "@dec", "def f():", "- ", "a = 1", "[[runners]]", "match = \"fly:x\"",
                         "é", "=", ",", "#"]

    @Test func scannerAndConfigSurviveNoise() {
        var generator = SeededGenerator(seed: 902)
        let names = ["Procfile", "fly.toml", "a.yml", "bot.py", "index.js", "run.sh", "Dockerfile", "README.md", "notes.txt", "crontab"]
        for round in 0..<400 {
            let text = (0..<Int.random(in: 1...60, using: &generator))
                .map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let file = SourceFile(path: names[round % names.count], bytes: Array(text.utf8))
            for suppression in SuppressionScanner.scan(file) {
                if case .lines(let range) = suppression.scope { #expect(range.lowerBound >= 1) }
            }
            _ = try? ConfigLoader.parse(Array(text.utf8), path: ".botlint.toml")
        }
    }
}
