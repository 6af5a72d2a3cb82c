import Testing
@testable import BotLintKit

/// Wording that rule cases (which compare rule ids and locations) do not pin down.
@Suite struct RuleMessageTests {
    /// python-telegram-bot's run_webhook is two sites at one call: it serves the webhook and sets it.
    @Test func oneCallThatServesAndSetsTheWebhookIsNamedOnce() throws {
        let repo = try SourceScratchFolder()
        try repo.write("bot.py", """
            import os
            from telegram.ext import Application

            app = Application.builder().token(os.getenv("BOT_TOKEN")).build()
            if os.getenv("WEBHOOK_URL"):
                app.run_webhook(listen="0.0.0.0", port=8443, webhook_url=os.environ["WEBHOOK_URL"])
            else:
                app.run_polling()

            """)
        try repo.write("Procfile", "worker: python bot.py\n")
        try repo.write("fly.toml", "app = \"shop-bot\"\n\n[processes]\n  bot = \"python bot.py\"\n")
        let report = try Linter.run(LintOptions(path: repo.path), source: WorkTreeSource(path: repo.path, useGit: false))

        let webhookAndPolling = report.findings.filter { $0.rule == "BL102" }
        #expect(webhookAndPolling.count == 2)
        for finding in webhookAndPolling {
            #expect(finding.message.contains("serves and sets its webhook (run_webhook at bot.py:6:5)"), "\(finding.message)")
            #expect(!finding.message.contains("and sets it ("), "\(finding.message)")
            let clause = "run_webhook in "
            let conditions = finding.message.components(separatedBy: "; ").filter { $0.hasPrefix(clause) }
            #expect(Set(conditions).count == conditions.count, "a condition is repeated: \(finding.message)")
        }
    }
}
