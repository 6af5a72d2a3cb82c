#!/usr/bin/env php
<?php

require __DIR__ . '/vendor/autoload.php';

use Longman\TelegramBot\Exception\TelegramException;
use Longman\TelegramBot\Telegram;

$telegram = new Telegram(getenv('TELEGRAM_BOT_API_KEY'), getenv('TELEGRAM_BOT_USERNAME'));
$telegram->addCommandsPaths([__DIR__ . '/src/Commands']);
$telegram->useGetUpdatesWithoutDatabase();

while (true) {
    try {
        $telegram->handleGetUpdates(['timeout' => 30]);
    } catch (TelegramException $e) {
        error_log($e->getMessage());
        sleep(5);
    }
}
