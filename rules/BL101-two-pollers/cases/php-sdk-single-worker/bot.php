<?php

require __DIR__ . '/vendor/autoload.php';
require __DIR__ . '/rates.php';

use Telegram\Bot\Api;

$telegram = new Api(getenv('TELEGRAM_BOT_TOKEN'));
$offset = 0;

while (true) {
    $updates = $telegram->getUpdates(['offset' => $offset, 'timeout' => 50]);
    foreach ($updates as $update) {
        $offset = $update->getUpdateId() + 1;
        $message = $update->getMessage();
        if (!$message || !$message->getText()) {
            continue;
        }
        $telegram->sendMessage([
            'chat_id' => $message->getChat()->getId(),
            'text' => rate_reply($message->getText()),
        ]);
    }
}
