from django.core.management.base import BaseCommand

from bot.telegram import bot


class Command(BaseCommand):
    help = "Run the Telegram bot (long polling). Start exactly one of these."

    def handle(self, *args, **options):
        self.stdout.write("Starting the bot...")
        bot.infinity_polling(timeout=20, long_polling_timeout=20)
