import logging
import os

from aiogram import Bot, Dispatcher, executor, types

from texts import CATALOG

logging.basicConfig(level=logging.INFO)

bot = Bot(token=os.environ["SHOP_BOT_TOKEN"])
dp = Dispatcher(bot)


@dp.message_handler(commands=["start", "catalog"])
async def send_catalog(message: types.Message):
    await message.answer(CATALOG)


if __name__ == "__main__":
    executor.start_polling(dp, skip_updates=True)
