import os

BOT_TOKEN = os.environ["BOT_TOKEN"]
CLIENT_BOT_TOKEN = os.environ["CLIENT_BOT_TOKEN"]
ADMIN_BOT_TOKEN = os.environ["ADMIN_BOT_TOKEN"]
