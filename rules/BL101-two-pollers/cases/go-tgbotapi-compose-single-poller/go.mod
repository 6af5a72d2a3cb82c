module github.com/pavel/rssbot

go 1.22

require (
	github.com/go-telegram-bot-api/telegram-bot-api/v5 v5.5.1
	github.com/mmcdole/gofeed v1.3.0
)
