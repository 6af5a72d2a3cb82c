import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only")
DEBUG = os.environ.get("DEBUG") == "1"
ALLOWED_HOSTS = [os.environ.get("RAILWAY_PUBLIC_DOMAIN", "localhost")]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "telegram_bot",
]

ROOT_URLCONF = "iva_backend.urls"
WSGI_APPLICATION = "iva_backend.wsgi.application"

TELEGRAM_BOT_TOKEN = os.environ.get("TELEGRAM_BOT_TOKEN")
TELEGRAM_WEBHOOK_URL = os.environ.get("TELEGRAM_WEBHOOK_URL")
