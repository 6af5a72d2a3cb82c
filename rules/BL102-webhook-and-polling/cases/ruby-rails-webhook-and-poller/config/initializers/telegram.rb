Telegram.bots_config = {
  default: ENV.fetch("TELEGRAM_BOT_TOKEN"),
}
