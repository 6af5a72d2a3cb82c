import logging
import os

from aiogram import Bot, Dispatcher, executor, types

logging.basicConfig(level=logging.INFO)

# A separate bot for staff, so customers never see the admin commands.
bot = Bot(token=os.getenv("ADMIN_BOT_TOKEN"))
dp = Dispatcher(bot)
ADMIN_IDS = {int(i) for i in os.getenv("ADMIN_IDS", "").split(",") if i}


@dp.message_handler(commands=["orders"])
async def list_orders(message: types.Message):
    if message.from_user.id not in ADMIN_IDS:
        return
    await message.answer("No new orders.")


if __name__ == "__main__":
    executor.start_polling(dp)
