import asyncio
import logging
import os

from aiogram import Bot, Dispatcher
from aiogram.fsm.storage.redis import RedisStorage

from app.handlers import router


async def main() -> None:
    storage = RedisStorage.from_url(os.environ.get("REDIS_URL", "redis://redis:6379/0"))
    bot = Bot(token=os.environ["BOT_TOKEN"])
    dp = Dispatcher(storage=storage)
    dp.include_router(router)
    await dp.start_polling(bot)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
