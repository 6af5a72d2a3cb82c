import Testing
@testable import BotLintKit

private func scan(_ source: String, path: String, executable: Bool = false) -> [CodeFact] {
    var analysis = FileAnalysis(path: path)
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard BotAPIURLScanner().accepts(path: path, name: name, isExecutable: executable) else { return [] }
    BotAPIURLScanner().extract(SourceFile(path: path, bytes: Array(source.utf8), isExecutable: executable), into: &analysis)
    return analysis.code?.facts ?? []
}

private let curlDeleteWebhook = #"curl -X POST "https://api.telegram.org/bot${TELEGRAM_BOT_TOKEN}/deleteWebhook?drop_pending_updates=true""#

@Test func acceptsOtherLanguagesButNotDocsOrPythonOrJavaScript() {
    let scanner = BotAPIURLScanner()
    for name in ["deploy.sh", "main.go", "index.php", "bot.rb", "Bot.java", "Main.kt", "Bot.cs", "main.rs",
                 "main.swift", "Makefile", "Dockerfile", "ci.yml", "config.json", "fly.toml"] {
        #expect(scanner.accepts(path: name, name: name, isExecutable: false), "\(name)")
    }
    for name in ["README.md", "notes.txt", "docs.rst", "index.html", "bot.py", "bot.js", "bot.ts"] {
        #expect(!scanner.accepts(path: name, name: name, isExecutable: false), "\(name)")
    }
    #expect(scanner.accepts(path: "bin/reset-webhook", name: "reset-webhook", isExecutable: true))
    #expect(!scanner.accepts(path: "LICENSE", name: "LICENSE", isExecutable: false))
}

@Test func shellCurlDeleteWebhook() {
    let facts = scan("#!/bin/sh\nset -e\n\(curlDeleteWebhook)\n", path: "scripts/reset.sh")
    #expect(facts.count == 1)
    #expect(facts.first?.kind == .deleteWebhook)
    #expect(facts.first?.library == .botAPI)
    #expect(facts.first?.token == .env("TELEGRAM_BOT_TOKEN", default: nil))
    #expect(facts.first?.location.line == 3)
    #expect(facts.first?.location.column == 15)
}

@Test func readmeWithTheSameCurlGivesNothing() {
    #expect(scan("Run this:\n\n    \(curlDeleteWebhook)\n", path: "README.md").isEmpty)
}

@Test func shellCommentsGiveNothing() {
    let source = """
    # \(curlDeleteWebhook)
      #curl https://api.telegram.org/bot$TOKEN/setWebhook
    echo "done" # curl https://api.telegram.org/bot$TOKEN/deleteWebhook
    """
    #expect(scan(source, path: "reset.sh").isEmpty)
}

@Test func shellGetUpdatesPollsOnlyInsideALoop() {
    let looped = scan("""
    OFFSET=0
    while true; do
      RESPONSE=$(curl -s "https://api.telegram.org/bot$BOT_TOKEN/getUpdates?offset=$OFFSET&timeout=30")
      sleep 1
    done
    """, path: "poll.sh")
    #expect(looped.map(\.kind) == [.poll])
    #expect(looped.first?.token == .env("BOT_TOKEN", default: nil))
    let once = scan("""
    curl -s "https://api.telegram.org/bot$BOT_TOKEN/getUpdates" | jq .
    for i in 1 2 3; do echo $i; done
    """, path: "check.sh")
    #expect(once.isEmpty)
}

@Test func shellSetWebhookURLFromArguments() {
    let query = scan(#"curl "https://api.telegram.org/bot${TOKEN}/setWebhook?url=${PUBLIC_URL}/hook""#, path: "a.sh")
    #expect(query.first?.webhookURL == .env("PUBLIC_URL", default: nil))
    let form = scan("""
    curl -F "url=https://example.com/telegram/webhook/" \\
      "https://api.telegram.org/bot$TOKEN/setWebhook"
    """, path: "b.sh")
    #expect(form.first?.kind == .setWebhook)
    let data = scan(#"curl -s -d url=https://example.com/hook https://api.telegram.org/bot$TOKEN/setWebhook"#, path: "c.sh")
    #expect(data.first?.webhookURL == .literal("https://example.com/hook"))
}

@Test func goConcatenationWithGetenv() {
    let facts = scan("""
    package main

    import ("net/http"; "os")

    // Register the webhook: "https://api.telegram.org/bot" + token + "/deleteWebhook"
    func register(url string) {
    \thttp.Get("https://api.telegram.org/bot" + os.Getenv("TOKEN") + "/setWebhook?url=" + url)
    }
    """, path: "cmd/register.go")
    #expect(facts.count == 1)
    #expect(facts.first?.kind == .setWebhook)
    #expect(facts.first?.token == .env("TOKEN", default: nil))
    #expect(facts.first?.webhookURL == .unknown("url"))
    #expect(facts.first?.location.line == 7)
}

@Test func goPollingLoop() {
    let facts = scan("""
    func poll(token string) {
    \tfor {
    \t\tresp, _ := http.Get("https://api.telegram.org/bot" + token + "/getUpdates?timeout=30")
    \t\t_ = resp
    \t}
    }
    func once(token string) {
    \thttp.Get("https://api.telegram.org/bot" + token + "/getUpdates")
    }
    """, path: "poll.go")
    #expect(facts.map(\.kind) == [.poll])
    #expect(facts.first?.token == .unknown("token"))
}

@Test func otherLanguagesTokenForms() {
    let php = scan("""
    <?php
    # file_get_contents("https://api.telegram.org/bot{$token}/setWebhook");
    file_get_contents("https://api.telegram.org/bot" . getenv('BOT_TOKEN') . "/deleteWebhook");
    """, path: "hook.php")
    #expect(php.map(\.token) == [.env("BOT_TOKEN", default: nil)])
    let csharp = scan(#"await http.GetAsync($"https://api.telegram.org/bot{token}/deleteWebhook");"#, path: "Bot.cs")
    #expect(csharp.first?.token == .unknown("token"))
    let ruby = scan(#"Net::HTTP.get(URI("https://api.telegram.org/bot#{ENV['BOT_TOKEN']}/deleteWebhook"))"#, path: "x.rb")
    #expect(ruby.first?.token == .env("BOT_TOKEN", default: nil))
    let literal = scan(#"url = "https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/deleteWebhook""#, path: "a.toml")
    #expect(literal.first?.token == .literal("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"))
    let actions = scan("""
    steps:
      - run: curl "https://api.telegram.org/bot${{ secrets.TELEGRAM_TOKEN }}/setWebhook?url=https://x.example/hook"
    """, path: ".github/workflows/deploy.yml")
    #expect(actions.first?.token == .unknown("secrets.TELEGRAM_TOKEN"))
    #expect(actions.first?.webhookURL == .literal("https://x.example/hook"))
}

@Test func otherMethodsAndLookalikesAreIgnored() {
    let facts = scan("""
    curl "https://api.telegram.org/bot$TOKEN/getMe"
    curl "https://api.telegram.org/bot$TOKEN/getWebhookInfo"
    curl "https://api.telegram.org/bot$TOKEN/setWebhookInfo"
    curl "https://api.telegram.org/file/bot$TOKEN/photo.jpg"
    """, path: "check.sh")
    #expect(facts.isEmpty)
}

@Test func botAPIScannerSurvivesRandomBytes() {
    var state: UInt64 = 42
    let alphabet = Array("api.telegram.org/bot$\"'{}()#/*\\\n +.getUpdates setWebhook do done while for".utf8)
    for round in 0..<200 {
        var bytes: [UInt8] = []
        for _ in 0..<(round * 5 % 400) {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            bytes.append(alphabet[Int(state >> 33) % alphabet.count])
        }
        for path in ["x.sh", "x.go", "x.php", "x.yml"] {
            var analysis = FileAnalysis(path: path)
            BotAPIURLScanner().extract(SourceFile(path: path, bytes: bytes), into: &analysis)
        }
    }
    #expect(scan("api.telegram.org/bot", path: "x.sh").isEmpty)
}
