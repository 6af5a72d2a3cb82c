package com.acme.pizzabot;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.bots.TelegramLongPollingBot;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** The Spring Boot starter registers every TelegramLongPollingBot bean and starts polling. */
@Component
public class PizzaBot extends TelegramLongPollingBot {

    private final String username;

    public PizzaBot(@Value("${telegram.bot.token}") String token,
                    @Value("${telegram.bot.username}") String username) {
        super(token);
        this.username = username;
    }

    @Override
    public String getBotUsername() {
        return username;
    }

    @Override
    public void onUpdateReceived(Update update) {
        if (!update.hasMessage() || !update.getMessage().hasText()) {
            return;
        }
        SendMessage reply = new SendMessage(update.getMessage().getChatId().toString(), "Your pizza is in the oven 🍕");
        try {
            execute(reply);
        } catch (TelegramApiException e) {
            throw new IllegalStateException(e);
        }
    }
}
