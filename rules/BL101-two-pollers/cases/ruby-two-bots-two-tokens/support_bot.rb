require "telegram/bot"
require_relative "lib/replies"

Telegram::Bot::Client.run(ENV["SUPPORT_BOT_TOKEN"]) do |bot|
  bot.listen do |message|
    unless message.text.nil?
      bot.api.send_message(chat_id: message.chat.id, text: "A baker will answer soon. #{Replies.greeting('there')}")
    end
  end
end
