package dev.notes.bot

import org.springframework.beans.factory.annotation.Value
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty
import org.springframework.stereotype.Component
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer
import org.telegram.telegrambots.longpolling.starter.SpringLongPollingBot

/** Local development: polls. On Fly TELEGRAM_MODE=webhook, so this bean is not created. */
@Component
@ConditionalOnProperty(name = ["telegram.mode"], havingValue = "polling")
class PollingNotesBot(
    @Value("\${telegram.token}") private val token: String,
    private val handler: NotesHandler,
) : SpringLongPollingBot {
    override fun getBotToken(): String = token

    override fun getUpdatesConsumer(): LongPollingUpdateConsumer = handler
}
