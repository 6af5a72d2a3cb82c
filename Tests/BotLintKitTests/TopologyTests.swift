import Foundation
import Testing
@testable import BotLintKit

@Suite("Conditions, token identity and redaction")
struct TopologyTests {
    let webhookSet = Condition.envSet("WEBHOOK_URL")

    @Test func evaluatesInTheRunnersEnvironment() {
        var env = EnvScope()
        env.merge([EnvAssignment(name: "MODE", value: "Webhook", location: nil)], source: "fly.toml")
        let evaluator = ConditionEvaluator(env: env, argv: ["python", "bot.py", "--webhook"])
        #expect(evaluator.evaluate(.envEquals("MODE", "webhook", caseInsensitive: true)) == .yes)
        #expect(evaluator.evaluate(.envEquals("MODE", "webhook", caseInsensitive: false)) == .no)
        #expect(evaluator.evaluate(.argument("--webhook")) == .yes)
        #expect(evaluator.evaluate(webhookSet) == .unknown(dependsOn: ["WEBHOOK_URL"]))
        #expect(evaluator.evaluate(.and([webhookSet, .never])) == .no)
        #expect(evaluator.evaluate(.or([webhookSet, .always])) == .yes)
    }

    @Test func anIfElsePairNeverRunsBoth() {
        let evaluator = ConditionEvaluator(env: EnvScope(), argv: [])
        #expect(!evaluator.canBothHold(webhookSet, webhookSet.negated))
        #expect(evaluator.canBothHold(webhookSet, .envSet("OTHER")))
        let polling = Condition.envEquals("MODE", "polling", caseInsensitive: false)
        let webhook = Condition.envEquals("MODE", "webhook", caseInsensitive: false)
        #expect(!evaluator.canBothHold(polling, webhook))
        #expect(evaluator.canBothHold(polling, .not(webhook)))
    }

    @Test func theTokenItselfCountsAsSet() {
        let evaluator = ConditionEvaluator(env: EnvScope(), argv: [], assumedSet: ["BOT_TOKEN"])
        #expect(evaluator.evaluate(.envSet("BOT_TOKEN")) == .yes)
    }

    @Test func sameVariableIsOneBotExceptAcrossSeparateSecretStores() {
        let prod = TokenIdentity(variable: "BOT_TOKEN", store: "fly:bot")
        let staging = TokenIdentity(variable: "BOT_TOKEN", store: "fly:bot-staging")
        let laptop = TokenIdentity(variable: "BOT_TOKEN", store: nil)
        let heroku = TokenIdentity(variable: "BOT_TOKEN", store: "heroku:")
        #expect(!prod.sameBot(as: staging))
        #expect(prod.sameBot(as: laptop))
        #expect(prod.sameBot(as: heroku))
        #expect(!prod.sameBot(as: TokenIdentity(variable: "ADMIN_BOT_TOKEN", store: "fly:bot")))
    }

    @Test func visibleValuesCompareByBotID() {
        let a = TokenIdentity(variable: "BOT_TOKEN", botID: "111", redacted: "111:AA…xY")
        let b = TokenIdentity(variable: "DEV_TOKEN", botID: "111", redacted: "111:AA…xY")
        let c = TokenIdentity(variable: "BOT_TOKEN", botID: "222", redacted: "222:AA…zZ")
        #expect(a.sameBot(as: b))
        #expect(!a.sameBot(as: c))
    }

    @Test func aScriptAliasFollowsTheOtherVariable() {
        var env = EnvScope()
        env.merge([EnvAssignment(name: "BOT_TOKEN", value: "${DEV_BOT_TOKEN}", location: nil)], source: "start_dev.sh")
        let (identity, _) = TokenIdentity.resolve(.env("BOT_TOKEN", default: nil), in: "bot.py", env: env)
        #expect(identity.variable == "DEV_BOT_TOKEN")
    }

    @Test func theFixNamesWhatSwitchesPollingOff() {
        // `if os.getenv("WEBHOOK_URL"): webhook else: polling` stops polling once the URL is set.
        #expect(WebhookAndPollingRule.disablingAssignment(.not(.envSet("WEBHOOK_URL"))) == "`WEBHOOK_URL` to the webhook's public URL")
        #expect(WebhookAndPollingRule.disablingAssignment(.not(.envSet("DISABLE_BOT"))) == "`DISABLE_BOT=true`")
        #expect(WebhookAndPollingRule.disablingAssignment(.envEquals("USE_POLLING", "1", caseInsensitive: false)) == "`USE_POLLING=false`")
        #expect(WebhookAndPollingRule.disablingAssignment(.not(.envEquals("MODE", "webhook", caseInsensitive: true))) == "`MODE=webhook`")
        #expect(WebhookAndPollingRule.disablingAssignment(.envSet("POLL")) == nil)
    }

    @Test func redactionKeepsTheBotIDAndFourCharacters() {
        let token = "5912837465:AAHk3vQ9wT2nLx8ZpR4sYc7uJm1bE6dFg0a"
        #expect(TokenRedaction.looksLikeToken(token))
        #expect(TokenRedaction.redact(token) == "5912837465:AA…0a")
        #expect(TokenRedaction.scrub("url=https://api.telegram.org/bot\(token)/getMe") == "url=https://api.telegram.org/bot5912837465:AA…0a/getMe")
        #expect(!TokenRedaction.looksLikeToken("123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
        #expect(!TokenRedaction.looksLikeToken("110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"))
    }

    @Test func scrubReplacesEveryTokenAndKeepsTheTextAround() {
        let first = "5912837465:AAHk3vQ9wT2nLx8ZpR4sYc7uJm1bE6dFg0a"
        let second = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"
        #expect(TokenRedaction.scrub("é \(first), «\(second)» ✓") == "é 5912837465:AA…0a, «123456789:AA…w1» ✓")
        let plain = "nothing: to see 12:30"
        #expect(TokenRedaction.scrub(plain) == plain)
        #expect(TokenRedaction.scrubbedDocument(Data("{\"t\": \"\(first)\"}".utf8)) == "{\"t\": \"5912837465:AA…0a\"}\n")
        #expect(TokenRedaction.scrubbedDocument(Data()) == "\n")
    }
}

@Suite("Finding fingerprints")
struct FindingFingerprintTests {
    func finding(_ rule: String, _ path: String, _ line: Int) -> Finding {
        Finding(rule: rule, name: "x", severity: .error, message: "m", location: SourceLocation(path: path, line: line, column: 1))
    }

    @Test func keysIgnoreLineNumbersAndWhiteSpaceButNotText() {
        let before = FindingFingerprint.keys([finding("BL101", "Procfile", 2)]) { _ in "worker:   python bot.py" }
        let moved = FindingFingerprint.keys([finding("BL101", "Procfile", 7)]) { _ in "worker: python bot.py " }
        let changed = FindingFingerprint.keys([finding("BL101", "Procfile", 2)]) { _ in "worker: python other.py" }
        #expect(before == moved)
        #expect(before != changed)
    }

    @Test func equalKeysAreNumbered() {
        let keys = FindingFingerprint.keys([finding("BL401", "a.py", 1), finding("BL401", "a.py", 9)]) { _ in "TOKEN = x" }
        #expect(keys == ["BL401:a.py:TOKEN = x", "BL401:a.py:TOKEN = x#2"])
    }

    @Test func readsOneLine() {
        let bytes = Array("one\ntwo\nthree".utf8)
        #expect(FindingFingerprint.line(2, of: bytes) == "two")
        #expect(FindingFingerprint.line(3, of: bytes) == "three")
        #expect(FindingFingerprint.line(4, of: bytes) == nil)
    }
}
