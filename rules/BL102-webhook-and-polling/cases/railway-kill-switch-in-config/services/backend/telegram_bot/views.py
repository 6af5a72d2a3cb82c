import telebot
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt

from .bot import bot


@csrf_exempt
def telegram_webhook(request):
    if request.method != "POST":
        return HttpResponse(status=405)
    update = telebot.types.Update.de_json(request.body.decode("utf-8"))
    bot.process_new_updates([update])
    return HttpResponse("ok")
