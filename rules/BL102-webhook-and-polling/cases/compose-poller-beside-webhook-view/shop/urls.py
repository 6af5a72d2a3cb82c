from django.urls import path

from shop import views

urlpatterns = [path("telegram/", views.telegram_webhook)]
