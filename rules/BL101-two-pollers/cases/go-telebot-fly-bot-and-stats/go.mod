module github.com/lena/quizbot

go 1.22

require gopkg.in/telebot.v3 v3.3.8
