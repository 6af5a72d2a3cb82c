package main

import (
	"log"
	"os"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

func main() {
	bot, err := tgbotapi.NewBotAPI(os.Getenv("TELEGRAM_BOT_TOKEN"))
	if err != nil {
		log.Panic(err)
	}

	u := tgbotapi.NewUpdate(0)
	u.Timeout = 60
	for update := range bot.GetUpdatesChan(u) {
		if update.Message == nil || !strings.HasPrefix(update.Message.Text, "/remind") {
			continue
		}
		reply := tgbotapi.NewMessage(update.Message.Chat.ID, "Reminder saved.")
		if _, err := bot.Send(reply); err != nil {
			log.Println(err)
		}
	}
}
