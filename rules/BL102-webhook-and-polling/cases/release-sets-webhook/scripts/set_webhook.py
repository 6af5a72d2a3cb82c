"""Left over from the webhook days: registers the webhook on every release."""
import os

import requests

TOKEN = os.environ["BOT_TOKEN"]
URL = os.environ.get("WEBHOOK_BASE", "https://example-bot.herokuapp.com") + "/webhook"

response = requests.post(f"https://api.telegram.org/bot{TOKEN}/setWebhook", data={"url": URL}, timeout=10)
print(response.json())
