Rails.application.routes.draw do
  telegram_webhook TelegramWebhooksController
  get "up" => "rails/health#show", as: :rails_health_check
end
