from aiogram import Router
from aiogram.types import Message

router = Router()


@router.message()
async def answer(message: Message) -> None:
    await message.answer("Question 1: ...")
