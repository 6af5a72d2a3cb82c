class TelegramUpdatesController < Telegram::Bot::UpdatesController
  def start!(*)
    respond_with :message, text: "Hi! I will collect the team's stand-up notes every morning."
  end

  def note!(*words)
    Note.create!(chat_id: chat["id"], body: words.join(" "))
    respond_with :message, text: "Noted ✅"
  end
end
