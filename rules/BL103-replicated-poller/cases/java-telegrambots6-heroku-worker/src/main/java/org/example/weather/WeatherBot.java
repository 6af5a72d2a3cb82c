package org.example.weather;

import org.telegram.telegrambots.bots.TelegramLongPollingBot;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

public class WeatherBot extends TelegramLongPollingBot {

    public WeatherBot(String botToken) {
        super(botToken);
    }

    @Override
    public String getBotUsername() {
        return "example_weather_bot";
    }

    @Override
    public void onUpdateReceived(Update update) {
        if (!update.hasMessage() || !update.getMessage().hasText()) {
            return;
        }
        String city = update.getMessage().getText().replaceFirst("^/weather\\s*", "");
        SendMessage reply = new SendMessage(update.getMessage().getChatId().toString(),
                city.isBlank() ? "Usage: /weather <city>" : "Looking up the forecast for " + city + "…");
        try {
            execute(reply);
        } catch (TelegramApiException e) {
            e.printStackTrace();
        }
    }
}
