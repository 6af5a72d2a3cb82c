package dev.quotes;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

public class QuoteConsumer implements LongPollingSingleThreadUpdateConsumer {
    private static final List<String> QUOTES = List.of(
            "Simplicity is prerequisite for reliability. — Edsger Dijkstra",
            "Premature optimization is the root of all evil. — Donald Knuth");

    private final TelegramClient telegramClient;

    public QuoteConsumer(String botToken) {
        telegramClient = new OkHttpTelegramClient(botToken);
    }

    @Override
    public void consume(Update update) {
        if (!update.hasMessage() || !update.getMessage().hasText()) {
            return;
        }
        String quote = QUOTES.get(ThreadLocalRandom.current().nextInt(QUOTES.size()));
        SendMessage message = SendMessage.builder().chatId(update.getMessage().getChatId()).text(quote).build();
        try {
            telegramClient.execute(message);
        } catch (TelegramApiException e) {
            e.printStackTrace();
        }
    }
}
