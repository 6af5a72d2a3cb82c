package main

import (
	"io"
	"log"
	"net/http"
	"net/url"
	"os"
)

// Registers the webhook on every deploy; written when the bot still ran behind an HTTP handler.
func main() {
	form := url.Values{"url": {"https://weatherbot.fly.dev/telegram"}, "drop_pending_updates": {"true"}}
	resp, err := http.PostForm("https://api.telegram.org/bot"+os.Getenv("TELEGRAM_TOKEN")+"/setWebhook", form)
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	log.Printf("setWebhook: %s", body)
}
