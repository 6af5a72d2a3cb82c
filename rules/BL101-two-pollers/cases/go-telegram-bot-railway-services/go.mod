module github.com/mira/family-bots

go 1.22

require github.com/go-telegram/bot v1.8.2
