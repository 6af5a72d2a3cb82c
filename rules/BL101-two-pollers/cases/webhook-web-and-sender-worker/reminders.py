import asyncio
import os

from telegram import Bot

from store import due_reminders


async def main() -> None:
    bot = Bot(os.environ["BOT_TOKEN"])
    while True:
        for chat_id, text in due_reminders():
            await bot.send_message(chat_id=chat_id, text=text)
        await asyncio.sleep(30)


if __name__ == "__main__":
    asyncio.run(main())
