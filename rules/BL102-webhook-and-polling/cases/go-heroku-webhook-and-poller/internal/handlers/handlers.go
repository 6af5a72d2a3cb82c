package handlers

import tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

// Handle answers commands; it never receives updates itself.
func Handle(bot *tgbotapi.BotAPI, update tgbotapi.Update) {
	if update.Message == nil {
		return
	}
	msg := tgbotapi.NewMessage(update.Message.Chat.ID, "Your order is on its way")
	bot.Send(msg)
}
