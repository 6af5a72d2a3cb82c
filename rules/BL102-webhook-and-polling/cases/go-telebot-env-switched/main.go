package main

import (
	"log"
	"os"
	"time"

	tele "gopkg.in/telebot.v3"
)

func main() {
	settings := tele.Settings{Token: os.Getenv("TELEGRAM_TOKEN")}

	// Webhook on Fly, long polling on a laptop.
	if publicURL := os.Getenv("PUBLIC_URL"); publicURL != "" {
		settings.Poller = &tele.Webhook{
			Listen:   ":8080",
			Endpoint: &tele.WebhookEndpoint{PublicURL: publicURL + "/bot"},
		}
	} else {
		settings.Poller = &tele.LongPoller{Timeout: 10 * time.Second}
	}

	b, err := tele.NewBot(settings)
	if err != nil {
		log.Fatal(err)
	}
	b.Handle("/start", func(c tele.Context) error {
		return c.Send("Ready for a quiz?")
	})
	b.Start()
}
