package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// The weekly digest was split out of reminders but kept the same bot.
func main() {
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()

	opts := []bot.Option{bot.WithDefaultHandler(digest)}
	b, err := bot.New(os.Getenv("FAMILY_BOT_TOKEN"), opts...)
	if err != nil {
		panic(err)
	}
	b.Start(ctx)
}

func digest(ctx context.Context, b *bot.Bot, update *models.Update) {
	if update.Message != nil && update.Message.Text == "/digest" {
		b.SendMessage(ctx, &bot.SendMessageParams{ChatID: update.Message.Chat.ID, Text: "This week: 3 birthdays"})
	}
}
