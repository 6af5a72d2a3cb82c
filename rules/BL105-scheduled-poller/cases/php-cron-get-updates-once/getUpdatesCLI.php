<?php
// Fetches pending updates once and exits; cron runs it every minute.
require __DIR__ . '/vendor/autoload.php';
require_once __DIR__ . '/config.php';

use Longman\TelegramBot\Exception\TelegramException;
use Longman\TelegramBot\Telegram;

try {
    $telegram = new Telegram($config['api_key'], $config['bot_username']);
    $telegram->enableMySql($config['mysql']);
    $telegram->addCommandsPaths([__DIR__ . '/Commands']);

    $response = $telegram->handleGetUpdates();
    if (!$response->isOk()) {
        echo date('Y-m-d H:i:s') . ' ' . $response->getDescription() . PHP_EOL;
    }
} catch (TelegramException $e) {
    echo $e->getMessage();
}
