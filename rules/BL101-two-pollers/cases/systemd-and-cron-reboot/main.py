import asyncio
import os

from aiogram import Bot, Dispatcher, F
from aiogram.types import Message
from dotenv import load_dotenv

load_dotenv()

dp = Dispatcher()


@dp.message(F.text == "/temp")
async def temperature(message: Message) -> None:
    with open("/sys/class/thermal/thermal_zone0/temp") as f:
        await message.answer(f"CPU: {int(f.read()) / 1000:.1f} °C")


async def main() -> None:
    await dp.start_polling(Bot(os.getenv("BOT_TOKEN")))


if __name__ == "__main__":
    asyncio.run(main())
