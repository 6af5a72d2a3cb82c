require "telegram/bot"
require_relative "lib/replies"

token = ENV.fetch("ORDERS_BOT_TOKEN")

Telegram::Bot::Client.run(token) do |bot|
  bot.listen do |message|
    case message.text
    when "/start"
      bot.api.send_message(chat_id: message.chat.id, text: Replies.greeting(message.from.first_name))
    when "/menu"
      bot.api.send_message(chat_id: message.chat.id, text: "Croissant, baguette, pain au chocolat")
    end
  end
end
