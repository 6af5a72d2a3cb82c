import os

from dotenv import load_dotenv

load_dotenv()

PARTNER_BOT_TOKEN = os.getenv("PARTNER_BOT_TOKEN")
ADMIN_BOT_TOKEN = os.getenv("ADMIN_BOT_TOKEN")
