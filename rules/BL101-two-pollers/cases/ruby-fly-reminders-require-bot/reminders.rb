require "rufus-scheduler"
require "telegram/bot"
# Reuses TOKEN and the reply wording from the bot.
require_relative "bot"

scheduler = Rufus::Scheduler.new
api = Telegram::Bot::Api.new(TOKEN)

scheduler.cron "0 8 * * *" do
  ENV.fetch("SUBSCRIBER_CHAT_IDS", "").split(",").each do |chat_id|
    api.send_message(chat_id: chat_id, text: "Good morning! Time to water the plants 🌱")
  end
end

scheduler.join
