package dev.notes.bot

import org.springframework.stereotype.Service
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer
import org.telegram.telegrambots.meta.api.methods.send.SendMessage
import org.telegram.telegrambots.meta.api.objects.Update

@Service
class NotesHandler : LongPollingSingleThreadUpdateConsumer {
    fun reply(update: Update): SendMessage? =
        update.message?.let { SendMessage(it.chatId.toString(), "Noted: ${it.text}") }

    override fun consume(update: Update) {
        // Replies go out through the webhook response or the client in polling mode.
    }
}
