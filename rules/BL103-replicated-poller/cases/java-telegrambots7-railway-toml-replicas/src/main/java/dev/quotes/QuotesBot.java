package dev.quotes;

import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;

public class QuotesBot {
    public static void main(String[] args) throws Exception {
        String token = System.getenv("QUOTES_BOT_TOKEN");
        try (TelegramBotsLongPollingApplication botsApplication = new TelegramBotsLongPollingApplication()) {
            botsApplication.registerBot(token, new QuoteConsumer(token));
            System.out.println("Quotes bot started");
            Thread.currentThread().join();
        }
    }
}
