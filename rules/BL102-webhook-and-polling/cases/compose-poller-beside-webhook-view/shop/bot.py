from telegram.ext import Application

from shop.settings import TELEGRAM_TOKEN

application = Application.builder().token(TELEGRAM_TOKEN).build()
