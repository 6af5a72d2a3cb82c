import Foundation
import Vapor
import SwiftTelegramSdk

func configure(_ app: Application) async throws {
    let token = ProcessInfo.processInfo.environment["STANDUP_BOT_TOKEN"] ?? ""
    let publicURL = Environment.get("PUBLIC_URL") ?? "http://localhost:8080"
    // Both Fly machines serve the same webhook route; Telegram posts each update to one of them.
    let bot = try await TGBot(connectionType: .webhook(webHookURL: URL(string: publicURL + "/telegram")!),
                              dispatcher: nil,
                              tgClient: VaporTGClient(client: app.client),
                              tgURI: TGBot.standardTGURL,
                              botId: token,
                              log: app.logger)
    try await StandupHandlers.register(on: bot)
    app.post("telegram") { req async throws -> HTTPStatus in
        try await bot.processing(request: req)
        return .ok
    }
    try await bot.start()
}
