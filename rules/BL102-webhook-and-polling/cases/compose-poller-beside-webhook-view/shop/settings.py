import os

SECRET_KEY = os.getenv("SECRET_KEY", "dev")
ROOT_URLCONF = "shop.urls"
INSTALLED_APPS = ["django.contrib.contenttypes"]
TELEGRAM_TOKEN = os.getenv("TELEGRAM_TOKEN")
