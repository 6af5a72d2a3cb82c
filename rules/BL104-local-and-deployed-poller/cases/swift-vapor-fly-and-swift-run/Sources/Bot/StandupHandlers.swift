import SwiftTelegramSdk

enum StandupHandlers {
    static func register(on bot: TGBot) async throws {
        await bot.dispatcher.add(TGCommandHandler(commands: ["/standup"]) { update in
            try await update.message?.reply(text: "What did you do yesterday?", bot: bot)
        })
    }
}
