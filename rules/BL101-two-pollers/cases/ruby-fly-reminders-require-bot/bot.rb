require "telegram/bot"

TOKEN = ENV.fetch("TELEGRAM_BOT_TOKEN")

def reply_text(text)
  case text
  when "/start" then "Hi! I will remind you to water your plants."
  when "/stop" then "Reminders paused."
  else "Send /start to subscribe."
  end
end

Telegram::Bot::Client.run(TOKEN) do |bot|
  bot.listen do |message|
    next unless message.is_a?(Telegram::Bot::Types::Message) && message.text

    bot.api.send_message(chat_id: message.chat.id, text: reply_text(message.text))
  end
end
