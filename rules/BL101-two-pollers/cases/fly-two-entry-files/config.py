import os

from dotenv import load_dotenv

load_dotenv()

BOT_TOKEN = os.getenv("BOT_TOKEN")
PARTNER_CHAT_ID = int(os.getenv("PARTNER_CHAT_ID", "0"))
