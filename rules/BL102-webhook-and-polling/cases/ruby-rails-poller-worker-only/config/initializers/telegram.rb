# The worker dyno long-polls this bot; the web dyno only serves the admin pages.
Telegram.bots_config = {
  default: ENV.fetch("TELEGRAM_BOT_TOKEN"),
}
