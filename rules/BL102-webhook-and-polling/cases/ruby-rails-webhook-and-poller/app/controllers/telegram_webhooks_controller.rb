class TelegramWebhooksController < Telegram::Bot::UpdatesController
  def start!(*)
    respond_with :message, text: "Welcome to Pollster! Send /poll to start a vote."
  end

  def poll!(*)
    respond_with :message, text: "Which day works for the team dinner?"
  end
end
