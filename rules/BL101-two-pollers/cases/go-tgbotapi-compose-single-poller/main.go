package main

import (
	"log"
	"os"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/pavel/rssbot/internal/feeds"
)

func main() {
	bot, err := tgbotapi.NewBotAPI(os.Getenv("TELEGRAM_APITOKEN"))
	if err != nil {
		log.Panic(err)
	}
	log.Printf("Authorized on account %s", bot.Self.UserName)

	u := tgbotapi.NewUpdate(0)
	u.Timeout = 60

	for update := range bot.GetUpdatesChan(u) {
		if update.Message == nil || !update.Message.IsCommand() {
			continue
		}
		reply := tgbotapi.NewMessage(update.Message.Chat.ID, feeds.Answer(update.Message.Command(), update.Message.CommandArguments()))
		if _, err := bot.Send(reply); err != nil {
			log.Println(err)
		}
	}
}
