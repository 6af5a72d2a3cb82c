import Vapor
import SwiftTelegramSdk

func configure(_ app: Application) async throws {
    guard let token = Environment.get("STANDUP_BOT_TOKEN") else {
        app.logger.critical("STANDUP_BOT_TOKEN is not set")
        throw Abort(.internalServerError)
    }
    let bot = try await TGBot(connectionType: .longpolling(limit: nil, timeout: 30, allowedUpdates: nil),
                              dispatcher: nil,
                              tgClient: VaporTGClient(client: app.client),
                              tgURI: TGBot.standardTGURL,
                              botId: token,
                              log: app.logger)
    try await StandupHandlers.register(on: bot)
    try await bot.start()
}
