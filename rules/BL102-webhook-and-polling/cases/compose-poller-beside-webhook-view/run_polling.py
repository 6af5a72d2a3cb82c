import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
django.setup()

from shop.bot import application  # noqa: E402


def run_polling():
    application.run_polling()


if __name__ == "__main__":
    run_polling()
