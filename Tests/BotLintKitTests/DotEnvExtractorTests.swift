import Testing
@testable import BotLintKit

@Suite struct DotEnvExtractorTests {
    let extractor = DotEnvExtractor()

    private func values(_ text: String, path: String = ".env") -> [String: String?] {
        var result: [String: String?] = [:]
        for assignment in analyze(extractor, path, text).envFile?.assignments ?? [] {
            result[assignment.name] = assignment.value
        }
        return result
    }

    @Test func acceptsDotenvNamesOnly() {
        for path in [".env", "bot/.env.production", "prod.env", ".envrc", "example.env", "env.example", ".env.local"] {
            #expect(accepts(extractor, path), "\(path)")
        }
        for path in [".env.js", "config/.env.json", "env.py", "environment.ts", ".envrc.sh", "README.md"] {
            #expect(!accepts(extractor, path), "\(path)")
        }
    }

    @Test func templatesAreMarked() {
        #expect(analyze(extractor, ".env.example", "A=1").envFile?.kind == .template)
        #expect(analyze(extractor, "example.env", "A=1").envFile?.kind == .template)
        #expect(analyze(extractor, ".env.sample", "A=1").envFile?.kind == .template)
        #expect(analyze(extractor, ".env.production", "A=1").envFile?.kind == .dotenv)
        #expect(analyze(extractor, ".env.defaults", "A=1").envFile?.kind == .dotenv)
    }

    @Test func quotingExportsAndComments() {
        let text = """
        # bot settings
        export BOT_TOKEN=123456:abc
        MODE = polling # inline comment
        URL=https://example.com/#anchor
        HASH=abc#def
        EMPTY=
        SINGLE='single $NOT_EXPANDED # kept'
        DOUBLE="line1\\nline2 \\"quoted\\""
        BACKTICK=`raw ${MODE}`
        BARE_DECLARATION
        """
        let env = values(text)
        #expect(env["BOT_TOKEN"] == "123456:abc")
        #expect(env["MODE"] == "polling")
        #expect(env["URL"] == "https://example.com/#anchor")
        #expect(env["HASH"] == "abc#def")
        #expect(env["EMPTY"] == "")
        #expect(env["SINGLE"] == "single $NOT_EXPANDED # kept")
        #expect(env["DOUBLE"] == "line1\nline2 \"quoted\"")
        #expect(env["BACKTICK"] == "raw ${MODE}")
        #expect(env["BARE_DECLARATION"] == nil)
        #expect(analyze(extractor, ".env", text).problems.isEmpty)
    }

    @Test func expandsEarlierKeysOnly() {
        let text = """
        HOST=bot.example.com
        WEBHOOK_URL="https://${HOST}/hook"
        PLAIN=$HOST/x
        DEFAULTED=${UNSET_EMPTY:-fallback}
        UNSET_EMPTY=
        LATER=${DEFINED_LATER}
        FROM_SHELL=$HOME/bin
        ESCAPED="\\$HOST"
        COMMAND=$(cat token.txt)
        DEFINED_LATER=x
        """
        let env = values(text)
        #expect(env["WEBHOOK_URL"] == "https://bot.example.com/hook")
        #expect(env["PLAIN"] == "bot.example.com/x")
        #expect(env["DEFAULTED"]! == nil)  // UNSET_EMPTY is not known yet when DEFAULTED is read
        #expect(env["LATER"]! == nil)
        #expect(env["FROM_SHELL"]! == nil)
        #expect(env["ESCAPED"] == "$HOST")
        #expect(env["COMMAND"]! == nil)
        #expect(values("E=\nD=${E:-fallback}")["D"] == "fallback")
    }

    @Test func multiLineValuesKeepLineNumbers() {
        let text = "KEY=\"-----BEGIN KEY-----\r\nabc\r\n-----END KEY-----\"\r\nNEXT=1\r\n"
        let analysis = analyze(extractor, ".env", text)
        let assignments = analysis.envFile?.assignments ?? []
        #expect(assignments.map(\.name) == ["KEY", "NEXT"])
        #expect(assignments.first?.value == "-----BEGIN KEY-----\nabc\n-----END KEY-----")
        #expect(assignments.last?.value == "1")
        #expect(assignments.last?.location?.lineColumn == "4:1")
    }

    @Test func bomCrlfAndInvalidUTF8() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("A=1\r\nB=".utf8) + [0xFF, 0xFE] + Array("\r\nC=3\r\n".utf8)
        let analysis = analyze(extractor, ".env", bytes: bytes)
        let assignments = analysis.envFile?.assignments ?? []
        #expect(assignments.map(\.name) == ["A", "B", "C"])
        #expect(assignments[0].value == "1")
        #expect(assignments[0].location?.lineColumn == "1:1")
        #expect(assignments[2].value == "3")
    }

    @Test func brokenLinesAreReportedWithoutTheirContent() {
        let text = "A=1\nthis is not valid\nB=\"unterminated\nC=3\n"
        let analysis = analyze(extractor, ".env", text)
        #expect(analysis.problems.map(\.location.line) == [2, 3])
        #expect(analysis.problems.allSatisfy { $0.format == "dotenv" && !$0.message.contains("valid") })
        #expect(analysis.envFile?.assignments.map(\.name) == ["A", "C"])
    }

    @Test func envrcCommandsAreNotErrors() {
        let text = "dotenv\nlayout python3\nexport BOT_TOKEN=42:x\nPATH_add bin\n"
        let analysis = analyze(extractor, ".envrc", text)
        #expect(analysis.problems.isEmpty)
        #expect(analysis.envFile?.assignments.map(\.name) == ["BOT_TOKEN"])
    }

    // Speed is measured by bench/, not here; this checks a huge file is read whole and right.
    @Test func hundredThousandLinesAreAllRead() {
        var text = ""
        for i in 0..<100_000 { text += "KEY_\(i)=\"value ${KEY_\(max(0, i - 1))}\"\n" }
        let analysis = analyze(extractor, ".env", text)
        #expect(analysis.envFile?.assignments.count == 100_000)
        #expect(analysis.envFile?.assignments.last?.name == "KEY_99999")
    }
}
