import Foundation
import Testing
@testable import BotLintKit

/// `.botlint.toml`: errors with their line, and the effect of every key.
@Suite("Configuration")
struct ConfigTests {
    static func lint(_ folder: SourceScratchFolder, configFile: String? = nil,
                     overrides: ConfigOverrides = ConfigOverrides()) throws -> LintReport {
        try Linter.run(LintOptions(path: folder.path, configFile: configFile, overrides: overrides),
                       source: WorkTreeSource(path: folder.path, useGit: false))
    }

    static func parseError(_ text: String) -> ConfigError? {
        do {
            _ = try ConfigLoader.parse(Array(text.utf8), path: ".botlint.toml")
            return nil
        } catch let error as ConfigError {
            return error
        } catch {
            return nil
        }
    }

    /// A Procfile whose two types poll one bot: BL101 at Procfile:2.
    static func twoPollers(_ folder: SourceScratchFolder, config: String? = nil) throws {
        try folder.write("Procfile", "web: python bot.py\nworker: python bot.py\n")
        try folder.write("bot.py", """
            import os
            from telegram.ext import Application

            app = Application.builder().token(os.environ["BOT_TOKEN"]).build()
            app.run_polling()

            """)
        if let config { try folder.write(".botlint.toml", config) }
    }

    static func summary(_ report: LintReport) -> [String] {
        report.findings.map { "\($0.rule) \($0.severity.rawValue) \($0.location.path):\($0.location.line)" }
    }

    // MARK: Errors

    @Test(arguments: [
        ("fail-on = \"warning\"\n\nfial-on = \"note\"\n", 3, "unknown key 'fial-on'"),
        ("[rules]\ndisable = [\"BL101\"]\nseverity_of = 1\n", 3, "unknown key 'severity_of' in [rules]"),
        ("fail-on = \"fatal\"\n", 1, "expected \"error\", \"warning\" or \"note\""),
        ("[rules]\ndisable = [\"BL110\"]\n", 2, "unknown rule 'BL110'"),
        ("[rules.severity]\nBL101 = \"loud\"\n", 2, "expected \"error\""),
        ("[paths]\nexclude = \"legacy\"\n", 2, "expected an array"),
        ("[tokens]\nlocal-uses-dev-token = \"yes\"\n", 2, "expected true or false"),
        ("\n[[runners]]\ninstances = 1\n", 2, "needs `match`"),
        ("[[runners]]\nmatch = \"heroku:web\"\ninstances = 1\n", 2, "is not a runner"),
        ("[[runners]]\nmatch = \"fly:app\"\ninstances = -1\n", 3, "0 or more"),
        ("[[runners]]\nmatch = \"fly:app\"\n", 1, "says nothing"),
        ("[[runners]]\nmatch = \"fly:app\"\ncount = 1\n", 3, "unknown key 'count' in [runners]"),
        ("[env.\"railway:iva\"]\n\"BAD NAME\" = \"1\"\n", 2, "not an environment variable name"),
        ("[env.\"railway:iva\"]\nX = [1]\n", 2, "must be a string, number or boolean"),
        ("a = \"unterminated\n", 1, "invalid TOML"),
        // toml++ asserts on headers that do not start with a key; they must never reach it.
        ("fail-on = \"note\"\n[<rules>]\n", 2, "a table header without a name"),
        ("[[ [runners]]\n", 1, "a table header without a name"),
    ])
    func errorsNameTheLine(_ text: String, _ line: Int, _ message: String) {
        let error = Self.parseError(text)
        #expect(error?.location?.line == line, "\(error?.description ?? "no error")")
        #expect(error?.location?.path == ".botlint.toml")
        #expect(error?.message.contains(message) == true, "\(error?.description ?? "no error")")
    }

    @Test func badConfigExitsTwoWithFileAndLine() throws {
        let folder = try SourceScratchFolder()
        try Self.twoPollers(folder, config: "fail-on = \"warning\"\n[rules]\ndisabled = [\"BL101\"]\n")
        let run = try CLITests.run(["--no-git", folder.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains(".botlint.toml:3:1: unknown key 'disabled' in [rules]"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let missing = try CLITests.run(["--no-git", "--config", folder.url("nope.toml"), folder.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.toml: cannot read the config file"))
    }

    @Test func initTemplateParsesToTheDefaults() throws {
        let configuration = try ConfigLoader.parse(Array(ConfigTemplate.text.utf8), path: ".botlint.toml")
        #expect(configuration.failOn.value == .error)
        #expect(configuration.inlineSuppressions.value)
        #expect(configuration.disabledRules.isEmpty && configuration.severities.isEmpty)
        #expect(configuration.excludedPaths.isEmpty && configuration.runnerFacts.isEmpty)
        #expect(!configuration.localUsesDevToken.value)
    }

    // MARK: Effects

    @Test func failOnFromTheFileAndTheFlagWins() throws {
        let folder = try SourceScratchFolder()
        try folder.write("Procfile", "worker: python bot.py\n")
        try folder.write("bot.py", "import os\nfrom telegram.ext import Application\nApplication.builder().token(os.environ['BOT_TOKEN']).build().run_polling()\n")
        try folder.write("start.sh", "#!/bin/sh\npython bot.py\n")
        #expect(try CLITests.run(["--no-git", folder.path]).status == 0)
        try folder.write(".botlint.toml", "fail-on = \"warning\"\n")
        #expect(try CLITests.run(["--no-git", folder.path]).status == 1)
        #expect(try CLITests.run(["--no-git", "--fail-on", "error", folder.path]).status == 0)
    }

    @Test func disableAndSeverity() throws {
        let folder = try SourceScratchFolder()
        try Self.twoPollers(folder)
        #expect(Self.summary(try Self.lint(folder)) == ["BL101 error Procfile:2"])
        try folder.write(".botlint.toml", "[rules.severity]\ntwo-pollers = \"note\"\n")
        #expect(Self.summary(try Self.lint(folder)) == ["BL101 note Procfile:2"])
        try folder.write(".botlint.toml", "[rules]\ndisable = [\"BL101\"]\n")
        #expect(try Self.lint(folder).findings.isEmpty)
    }

    @Test func perFileIgnoresSilenceJSONFiles() throws {
        let folder = try SourceScratchFolder()
        try folder.write("railway.json", """
            {
              "$schema": "https://railway.com/railway.schema.json",
              "deploy": {
                "startCommand": "python bot.py",
                "numReplicas": 2
              }
            }

            """)
        try folder.write("bot.py", "import os\nimport telebot\nbot = telebot.TeleBot(os.environ['BOT_TOKEN'])\nbot.infinity_polling()\n")
        #expect(Self.summary(try Self.lint(folder)) == ["BL103 error railway.json:5"])
        try folder.write(".botlint.toml", "[rules.per-file-ignores]\n\"railway.json\" = [\"BL103\"]\n")
        #expect(try Self.lint(folder).findings.isEmpty)
        try folder.write(".botlint.toml", "[rules.per-file-ignores]\n\"*.json\" = [\"BL101\"]\n")
        #expect(try Self.lint(folder).findings.count == 1)
    }

    @Test func excludedPathsAreNotRead() throws {
        let folder = try SourceScratchFolder()
        try Self.twoPollers(folder)
        try folder.write("legacy/Procfile", "web: python bot.py\nworker: python bot.py\n")
        try folder.write("legacy/bot.py", "import os\nimport telebot\ntelebot.TeleBot(os.environ['BOT_TOKEN']).infinity_polling()\n")
        let paths = Set(try Self.lint(folder).findings.map(\.location.path))
        #expect(paths == ["Procfile", "legacy/Procfile"])
        try folder.write(".botlint.toml", "[paths]\nexclude = [\"legacy/**\"]\n")
        let report = try Self.lint(folder)
        #expect(Set(report.findings.map(\.location.path)) == ["Procfile"])
        #expect(report.filesListed == 3)  // Procfile, bot.py, .botlint.toml
    }

    @Test(arguments: [
        ("legacy/**", "legacy/a/b.py", true), ("legacy/**", "legacy", true), ("legacy", "legacy/x.py", true),
        ("legacy/**", "src/legacy/x.py", false), ("*.py", "bot.py", true), ("*.py", "src/bot.py", false),
        ("**/*.py", "src/a/bot.py", true), ("**/Procfile", "Procfile", true), ("bot?.py", "bot1.py", true),
        ("bot?.py", "bot10.py", false), ("/deploy/*.toml", "deploy/fly.toml", true), ("a/**/b", "a/x/y/b", true),
    ])
    func globs(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(PathGlob(pattern)?.matches(path) == expected)
    }

    @Test func invalidGlobsAreRejected() {
        #expect(PathGlob("") == nil)
        #expect(PathGlob("../outside") == nil)
        #expect(Self.parseError("[paths]\nexclude = [\"../x\"]\n")?.location?.line == 2)
    }

    @Test func localUsesDevTokenSilencesLocalAndDeployed() throws {
        let folder = try SourceScratchFolder()
        try Self.twoPollers(folder)
        try folder.write("Procfile", "worker: python bot.py\n")
        try folder.write("run_local.sh", "#!/bin/sh\npython bot.py\n")
        #expect(Self.summary(try Self.lint(folder)) == ["BL104 warning run_local.sh:2"])
        try folder.write(".botlint.toml", "[tokens]\nlocal-uses-dev-token = true\n")
        #expect(try Self.lint(folder).findings.isEmpty)
    }

    @Test func runnerInstances() throws {
        let folder = try SourceScratchFolder()
        try Self.twoPollers(folder, config: "[[runners]]\nmatch = \"procfile:web\"\ninstances = 0\nreason = \"heroku ps:scale web=0\"\n")
        let scaledDown = try Self.lint(folder)
        #expect(scaledDown.findings.isEmpty)
        #expect(scaledDown.topology.runners.map(\.decl.name) == ["worker"])
        try folder.write(".botlint.toml", "[[runners]]\nmatch = \"Procfile:2\"\ninstances = 3\n")
        let scaledUp = try Self.lint(folder)
        #expect(Self.summary(scaledUp).contains("BL103 error .botlint.toml:1"))
        #expect(scaledUp.findings.first { $0.rule == "BL103" }?.message.contains("instances = 3 in .botlint.toml") == true)
    }

    @Test func flyAppScaledToOneIsNotReplicated() throws {
        let report = try Linter.run(LintOptions(path: CLITests.casePath("BL103", "fly-scaled-to-one-in-config")),
                                    source: WorkTreeSource(path: CLITests.casePath("BL103", "fly-scaled-to-one-in-config"), useGit: false))
        #expect(report.findings.isEmpty)
        #expect(report.topology.runners.first?.instances.count == 1)
    }

    @Test func botNamesSeparateRunners() throws {
        let folder = try SourceScratchFolder()
        try Self.twoPollers(folder, config: "[[runners]]\nmatch = \"procfile:web\"\nbot = \"staging\"\n")
        #expect(try Self.lint(folder).findings.isEmpty)
        try folder.write(".botlint.toml", "[[runners]]\nmatch = \"procfile:*\"\nbot = \"production\"\n")
        #expect(Self.summary(try Self.lint(folder)) == ["BL101 error Procfile:2"])
    }

    @Test func dashboardEnvironmentEvaluatesConditions() throws {
        let folder = try SourceScratchFolder()
        try folder.write("Procfile", "web: python bot.py\nworker: python bot.py\n")
        try folder.write("bot.py", """
            import os
            from telegram.ext import Application

            app = Application.builder().token(os.environ["BOT_TOKEN"]).build()
            if os.getenv("BOT_DISABLED") != "1":
                app.run_polling()

            """)
        #expect(Self.summary(try Self.lint(folder)) == ["BL101 warning Procfile:2"])
        try folder.write(".botlint.toml", "[env.\"procfile:web\"]\nBOT_DISABLED = 1\n")
        #expect(try Self.lint(folder).findings.isEmpty)
        try folder.write(".botlint.toml", "[env.\"script:run.sh\"]\nBOT_DISABLED = 1\n")
        let unmatched = try Self.lint(folder)
        #expect(unmatched.notes.contains { $0.message.contains("[env.\"script:run.sh\"] at .botlint.toml:1:1 names no runner") })
    }

    @Test func configIsFoundUpwardToTheRepositoryRoot() throws {
        let folder = try SourceScratchFolder()
        try folder.git("init", "-q")
        try Self.twoPollers(folder)
        try folder.write("services/bot/Procfile", "web: python bot.py\nworker: python bot.py\n")
        try folder.write("services/bot/bot.py", "import os\nimport telebot\ntelebot.TeleBot(os.environ['BOT_TOKEN']).infinity_polling()\n")
        try folder.write(".botlint.toml", "[rules]\ndisable = [\"BL101\"]\n")
        let sub = try Linter.run(LintOptions(path: folder.url("services/bot")), source: WorkTreeSource(path: folder.url("services/bot")))
        #expect(sub.configuration.file == ".botlint.toml")
        #expect(sub.findings.isEmpty)
        try folder.write("services/bot/.botlint.toml", "fail-on = \"note\"\n")
        let nearest = try Linter.run(LintOptions(path: folder.url("services/bot")), source: WorkTreeSource(path: folder.url("services/bot")))
        #expect(nearest.configuration.file == "services/bot/.botlint.toml")
        #expect(nearest.findings.count == 1)
        let explicit = try Linter.run(LintOptions(path: folder.url("services/bot"), configFile: folder.url(".botlint.toml")),
                                      source: WorkTreeSource(path: folder.url("services/bot")))
        #expect(explicit.findings.isEmpty)
    }

    @Test func showPrintsValuesAndOrigins() throws {
        let folder = try SourceScratchFolder()
        try Self.twoPollers(folder, config: """
            fail-on = "warning"
            [rules]
            disable = ["BL104"]
            [rules.severity]
            BL101 = "note"
            [paths]
            exclude = ["legacy/**"]
            [env."railway:iva"]
            BOT_TOKEN = "\(SuppressionTests.token)"

            """)
        let run = try CLITests.run(["config", "--show", "--no-git", "--no-inline-suppressions", folder.path])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map { $0.split(separator: "#").map { $0.trimmingCharacters(in: .whitespaces) } }
        func origin(_ setting: String) -> String? { lines.first { $0.first == setting }?.last }
        #expect(origin("fail-on = \"warning\"") == ".botlint.toml:1:1")
        #expect(origin("inline-suppressions = false") == "--no-inline-suppressions")
        #expect(origin("\"BL104\",") == ".botlint.toml:3:1")
        #expect(origin("BL101 = \"note\"") == ".botlint.toml:5:1 (two-pollers)")
        #expect(origin("BL102 = \"error\"") == "default (webhook-and-polling)")
        #expect(origin("\"legacy/**\",") == ".botlint.toml:7:1")
        #expect(!run.stdout.contains("BL104 ="))
        #expect(TokenRedaction.findTokens(in: Array(run.stdout.utf8)).isEmpty)
        let flagged = try CLITests.run(["config", "--show", "--no-git", "--fail-on", "error", folder.path])
        #expect(flagged.stdout.contains("fail-on = \"error\"                       # --fail-on"))
    }

    @Test func initWritesOnceAndRefusesToOverwrite() throws {
        let folder = try SourceScratchFolder()
        let first = try CLITests.run(["init", folder.path])
        #expect(first.status == 0)
        #expect(first.stdout.contains("botlint install-hook"))
        let written = try String(contentsOfFile: folder.url(".botlint.toml"), encoding: .utf8)
        #expect(written == ConfigTemplate.text)
        try folder.write(".botlint.toml", "fail-on = \"note\"\n")
        let second = try CLITests.run(["init", folder.path])
        #expect(second.status == 2)
        #expect(second.stderr.contains("already exists"))
        #expect(try String(contentsOfFile: folder.url(".botlint.toml"), encoding: .utf8) == "fail-on = \"note\"\n")
    }
}
