package dev.notes.bot

import org.springframework.beans.factory.annotation.Value
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty
import org.springframework.stereotype.Component
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook
import org.telegram.telegrambots.meta.api.objects.Update
import org.telegram.telegrambots.webhook.starter.SpringTelegramWebhookBot

@Component
@ConditionalOnProperty(name = ["telegram.mode"], havingValue = "webhook")
class WebhookNotesBot(
    @Value("\${telegram.webhook-url}") url: String,
    handler: NotesHandler,
) : SpringTelegramWebhookBot(
    "/notes",
    { update: Update -> handler.reply(update) as BotApiMethod<*>? },
    { SetWebhook.builder().url("$url/notes").build() },
    { DeleteWebhook.builder().build() },
)
