import Foundation
import Testing
@testable import BotLintKit

/// Hostile inputs through every extractor: none may crash, whatever it reports.
@Suite struct ExtractorRobustnessTests {
    static let inputs: [[UInt8]] = [
        [], [0x5C], [0x0D], [0xFF, 0xFE, 0x00], Array("\"".utf8), Array("${".utf8), Array("$".utf8),
        Array("[[".utf8), Array("{\"a\":".utf8), Array("a = \"\"\"\nnever closed".utf8), Array("KEY='open\n".utf8),
        Array("ENV A=\"x\\".utf8), Array("FROM\nENV\nCMD [\nENTRYPOINT".utf8), Array("web:\n:\n::::".utf8),
        Array("[processes]\nx = [\n".utf8), Array("X=${A:-".utf8), Array("RUN <<EOF\n".utf8),
        Array(String(repeating: "a", count: 200_000).utf8),
        Array("apiVersion: v1\nkind: Deployment\nspec: [".utf8), Array("module.exports = { apps: [ { script: ".utf8),
        Array("[Service]\nExecStart=\\\n".utf8), Array("<plist><dict><key>Program</key>".utf8),
        Array(("apiVersion: v1\nkind: x\n" + String(repeating: "[", count: 100_000)).utf8),
        Array(("services:\n" + String(repeating: "- ", count: 50_000)).utf8),
    ]
    static let names = ["Procfile", "fly.toml", "railway.toml", "railway.json", "app.json", ".env", ".envrc",
                        "Dockerfile", "package.json", "docker-compose.yml", "ecosystem.config.js", "ecosystem.config.json",
                        "bot.service", "bot.timer", "supervisord.conf", "com.example.bot.plist", "render.yaml",
                        "k8s/deployment.yaml"]

    @Test(arguments: names)
    func neverCrashes(_ name: String) {
        for extractor in Extractors.all where extractor.accepts(path: name, name: name, isExecutable: false) {
            for input in Self.inputs {
                let analysis = analyze(extractor, name, bytes: input)
                #expect(analysis.path == name)
            }
        }
    }

    /// Regression: toml++ frees a table nested by dotted keys recursively, so 100,000 parts
    /// crashed the process with a stack overflow (found by fuzzing fly.toml).
    @Test(arguments: ["a.", "\"a\".", "x = {a."])
    func dottedKeysTooDeepForTheTOMLParserAreReportedNotParsed(_ part: String) {
        let key = String(repeating: part.hasPrefix("x") ? "a." : part, count: 100_000) + "a"
        let text = part.hasPrefix("x") ? "app = \"x\"\nx = {\(key) = 1}\n" : "app = \"x\"\n\(key) = 1\n[\(key)]\n"
        let analysis = analyze(FlyTomlExtractor(), "fly.toml", bytes: Array(text.utf8))
        #expect(analysis.problems.first?.message == "a key nested deeper than 64 levels was not read")
        #expect(analysis.problems.first?.location.line == 2)
        #expect(TOMLKeyScanner.linesTheParserCannotTake(Array("version = 1.2.3\nips = [1.2.3.4, 10.0.0.1]\n".utf8)).isEmpty)
    }

    /// Regression (found by fuzzing fly.toml and railway.toml): toml++ aborts on an assertion for
    /// a table header without a name, in release builds too.
    @Test(arguments: ["[\n  A = \"2\"\n", "[ # c\n", "[=]\n", "[.a]\n", "[,]\n", "[\r\n", "[[ \n", "a = 1\n  [\t\n"])
    func namelessTableHeadersAreReportedNotParsed(_ text: String) {
        for (extractor, name) in [(FlyTomlExtractor() as any Extractor, "fly.toml"), (RailwayExtractor(), "railway.toml")] {
            let file = SourceFile(path: name, bytes: Array(("app = \"x\"\n" + text).utf8))
            var analysis = FileAnalysis(path: name)
            extractor.extract(file, into: &analysis)
            #expect(analysis.problems.first?.message == "a table header without a name", "\(name): \(text)")
        }
    }

    /// Regression (fuzzing): the broken first line opens an array, so the nameless header after it
    /// only becomes a header once the repair loop blanks that line.
    @Test(arguments: ["n=\"\"[\n[#", "d=\"\"[\n[\u{B6}"])
    func namelessHeadersUncoveredByARepairAreCaughtToo(_ text: String) {
        let analysis = analyze(FlyTomlExtractor(), "fly.toml", text)
        #expect(analysis.problems.count == 1)
    }

    /// Regression (found by fuzzing railway.toml): toml++ asserts that a value starts where an
    /// array holds `}` after `[` or `,`, instead of reporting an error.
    /// The last case needs two rounds: blanking the first `}` line brings the second next to `[`.
    @Test(arguments: ["a = [ } ]\n", "a = [ 1, } ]\n", "a = { b = [ } ] }\n", "a = [\n  # c\n  }\n]\n",
                      "a = [ 1,\n\"\"\"x\ny\"\"\", } ]\n", "r=[\n}\n}"])
    func aBraceWhereAnArrayValueBelongsIsReportedNotParsed(_ text: String) {
        for (extractor, name) in [(FlyTomlExtractor() as any Extractor, "fly.toml"), (RailwayExtractor(), "railway.toml")] {
            let analysis = analyze(extractor, name, "app = \"x\"\n" + text)
            #expect(analysis.problems.first?.message == "a value is missing before `}`", "\(name): \(text)")
        }
        #expect(TOMLKeyScanner.linesWithAValueTheParserAssertsOn(Array("a = \"[}\"\nb = '[,}'\nc = { d = [1] }\n".utf8)).isEmpty)
    }

    /// Regression (fuzzing railway.toml): the same assertion for U+0085, U+2028 and U+2029 where
    /// an array value belongs.
    @Test(arguments: [("a = [\u{85}1]\n", "next-line character (U+0085)"), ("a = [\u{2028}1]\n", "line separator (U+2028)"),
                      ("a = [ 1,\u{2029}2]\n", "paragraph separator (U+2029)")])
    func unicodeLineBreaksOutsideStringsAreReportedNotParsed(_ text: String, _ character: String) {
        for (extractor, name) in [(FlyTomlExtractor() as any Extractor, "fly.toml"), (RailwayExtractor(), "railway.toml")] {
            let analysis = analyze(extractor, name, "app = \"x\"\n" + text)
            #expect(analysis.problems.first?.message == "an invisible \(character) outside a string: delete it", "\(name)")
        }
        #expect(TOMLKeyScanner.linesWithAValueTheParserAssertsOn(Array("a = \"\u{2028}\"\n# \u{85}\n".utf8)).isEmpty)
    }

    /// A `[` that opens an array value on its own line is not a header.
    @Test func bracketsInsideMultiLineArraysAreValues() {
        let text = "[processes]\nbot = \"python bot.py\"\n[env]\nLIST = [\n  [\n    1\n  ],\n]\n"
        #expect(TOMLKeyScanner.linesTheParserCannotTake(Array(text.utf8)).isEmpty)
        #expect(analyze(FlyTomlExtractor(), "fly.toml", text).problems.isEmpty)
    }

    /// Regression: each key sighting held its whole path, so a 5,000-deep JSON document took
    /// 1 GB and a 100,000-deep one was killed for memory.
    @Test func deeplyNestedJSONIsLocatedInLinearSpace() {
        let depth = 100_000
        let text = "{\"scripts\": " + String(repeating: "[{\"a\":", count: depth) + "1" + String(repeating: "}]", count: depth) + "}"
        let sightings = JSONKeyScanner.scan(Array(text.utf8))
        #expect(sightings.count <= 2 * KeyLocator.maxDepth)
        #expect(sightings.allSatisfy { $0.keyPath.count <= KeyLocator.maxDepth })
        _ = analyze(PackageJSONExtractor(), "package.json", bytes: Array(text.utf8))
    }

    /// Regression (fuzzing): an assignment ending in a dangling `+` split into an empty part,
    /// whose first token was read one past the end of the file.
    @Test(arguments: ["main.go", "main.rs", "Bot.java", "Bot.kt", "Program.cs", "bot.php", "bot.swift"])
    func assignmentsEndingInAnOperatorAreRead(_ name: String) {
        let text = "token = {\n  default: NEV.fetch(\"TELEGRAM_BOT_TOKEN\"),\n}\n+"
        for extractor in Extractors.all where extractor.accepts(path: name, name: name, isExecutable: false) {
            for input in [text, "x = \"a\" +", "x = os.Getenv(\"T\") + ", "$x = 'a' ."] {
                #expect(analyze(extractor, name, input).path == name)
            }
        }
    }

    /// Regression (fuzzing): an annotation whose `(` never closes ran the function-name search
    /// over a range that ended before it began.
    @Test(arguments: ["main.go", "Bot.java", "Program.cs", "bot.php"])
    func anUnclosedAnnotationBeforeABlockIsRead(_ name: String) {
        for extractor in Extractors.all where extractor.accepts(path: name, name: name, isExecutable: false) {
            for input in ["@(x {\n}", "@ (a, b {\n}\n", "x @(y {}"] {
                #expect(analyze(extractor, name, input).path == name)
            }
            #expect(analyze(extractor, name, bytes: Self.unclosedAnnotationCrash).path == name)
        }
    }

    /// Regression: a file whose last token opens a bracket (`&tele.Webhook{` in a file being
    /// written) made the walker take a reversed range and trap.
    @Test(arguments: ["main.go", "main.rs", "Bot.java", "Bot.kt", "Program.cs", "bot.php", "bot.swift"])
    func aFileEndingInAnOpeningBracketIsRead(_ name: String) {
        let telebot = "package main\nimport tele \"gopkg.in/telebot.v3\"\nfunc main() {\n x := &tele.Webhook{"
        for extractor in Extractors.all where extractor.accepts(path: name, name: name, isExecutable: false) {
            for input in [telebot, "f(", "a[", "x = {", "$t->getUpdates(", "tele.Webhook{"] {
                #expect(analyze(extractor, name, input).path == name)
            }
        }
    }

    /// The fuzzer's input (a Makefile and a Helm template run together), kept whole: the crash
    /// needs its exact token layout.
    static let unclosedAnnotationCrash = [UInt8](Data(base64Encoded: "PGFydGluZyB0aGUgYm90IGxvY2FsbHl2L2Jpbi9weXRob24KRU5UUlkgOj0gYm90bnYKZXhwb3J0CgouUEhPTlk6IGkJhoaGhmhlIGJvdCBsb2NhbGx5Li4uIgoJQCQoUFlUPiBbXSwKICAgIDEKa2luZDogRGVwbG95bWVudAptZXRhZGF0YToKICBuYW1lOiB7eyBpbmNsdWRlICJxdW90ZXMtYm90LmZ1bGxuYW1lIiAuIH19CnNwZWM6CiAgcmVwbGljYXM6IHt7ICAgICBdLAogICAgXSwKICAgICdhc3luY19yZXFldXN0cycgPT4gZW52KHJuIFRIT04pIC1tIHJ1ZmYgY2hlY2sgLgoKZGVwbG95OgoJZmx5IGRlcGxvPT4gb20vYXBpL3RlbGVncmFtL3dlYmhvb2snKSwKICAgICAgICAgICAgJ2NvbW1hbmRzJyA9PiBbXSwKICAgIDEKa2luZDogRGVwbG95bWVudAptZXRhZGF0YToKICBuYW1lOiB7eyBpbmNsdWRlICJxdW90ZXMtYm90LmZ1bGxuYW1lIiAuCWlmIGVyciAhPSBuaWwgewoJCWxvZy5QYW5pYyhlcnIpCgl9CgoJdSA6PSB0Z2JvdGFwaSB9fQpzcGVjOgogIHJlcGxpY2FzOiB7eyAgICAgXSwKICAgIF0sCiAgICAnYXN5bmNfcmVxZXVzdHMnID0+IGVudihybiBjLlNlbmQoIldoYXQgaXMgdGhlIGNlZmlsZWwgb3MgdGhlIGNlZmlsZWwgb2YgCl07Cg==")!)

    @Test func everyFormatHasAnExtractor() {
        for name in Self.names {
            #expect(Extractors.all.contains { $0.accepts(path: name, name: name, isExecutable: false) }, "\(name)")
        }
    }
}

/// The engine asks extractors whether they can defer through a requirement, not a dynamic cast;
/// a scanner whose `DeferrableExtractor` conformance did not reach that witness would never defer.
@Test func everyDeferrableExtractorSaysSo() {
    for extractor in Extractors.all {
        #expect((extractor.asDeferrable != nil) == (extractor is any DeferrableExtractor), "\(type(of: extractor))")
    }
    #expect(Extractors.all.contains { $0.asDeferrable != nil })
}
