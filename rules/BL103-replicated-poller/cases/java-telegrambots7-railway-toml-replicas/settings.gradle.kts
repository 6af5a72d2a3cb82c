rootProject.name = "quotes-bot"
