module github.com/oleh/weatherbot

go 1.22
