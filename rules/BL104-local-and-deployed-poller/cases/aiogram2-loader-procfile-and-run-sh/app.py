from aiogram import executor

import handlers  # noqa: F401  (registers the handlers)
from loader import dp


async def on_startup(dispatcher):
    print("Bot started")


if __name__ == "__main__":
    executor.start_polling(dp, on_startup=on_startup, skip_updates=True)
