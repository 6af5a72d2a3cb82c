module github.com/mira/pollsbot

go 1.22

require github.com/go-telegram/bot v1.8.2
