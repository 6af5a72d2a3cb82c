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

    @Test func everyFormatHasAnExtractor() {
        for name in Self.names {
            #expect(Extractors.all.contains { $0.accepts(path: name, name: name, isExecutable: false) }, "\(name)")
        }
    }
}
