import logging

from django.apps import AppConfig
from django.conf import settings

logger = logging.getLogger(__name__)


class TelegramBotConfig(AppConfig):
    name = "telegram_bot"

    def ready(self):
        from .bot import bot

        if settings.TELEGRAM_WEBHOOK_URL:
            bot.remove_webhook()
            bot.set_webhook(url=settings.TELEGRAM_WEBHOOK_URL)
            logger.info("Webhook установлен: %s", settings.TELEGRAM_WEBHOOK_URL)
