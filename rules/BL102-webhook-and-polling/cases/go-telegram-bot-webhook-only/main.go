package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func main() {
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()

	opts := []bot.Option{
		bot.WithDefaultHandler(handler),
		bot.WithWebhookSecretToken(os.Getenv("WEBHOOK_SECRET")),
	}
	b, err := bot.New(os.Getenv("TELEGRAM_BOT_TOKEN"), opts...)
	if err != nil {
		log.Fatal(err)
	}

	// Telegram wakes the stopped machine with the next update, so the webhook suits auto-stop.
	if _, err := b.SetWebhook(ctx, &bot.SetWebhookParams{
		URL:         os.Getenv("WEBHOOK_URL"),
		SecretToken: os.Getenv("WEBHOOK_SECRET"),
	}); err != nil {
		log.Fatal(err)
	}

	go b.StartWebhook(ctx)

	http.Handle("/telegram", b.WebhookHandler())
	log.Fatal(http.ListenAndServe(":8080", nil))
}

func handler(ctx context.Context, b *bot.Bot, update *models.Update) {
	if update.Message == nil {
		return
	}
	b.SendPoll(ctx, &bot.SendPollParams{
		ChatID:   update.Message.Chat.ID,
		Question: "Lunch today?",
		Options:  []models.InputPollOption{{Text: "Pizza"}, {Text: "Ramen"}, {Text: "Salad"}},
	})
}
