import os

SECRET_KEY = os.getenv("SECRET_KEY", "insecure")
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "bot.apps.BotConfig",
]
ROOT_URLCONF = "shop.urls"
BOT_TOKEN = os.getenv("BOT_TOKEN")
