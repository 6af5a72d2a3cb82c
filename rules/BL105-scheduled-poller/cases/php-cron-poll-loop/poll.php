<?php
require __DIR__ . '/vendor/autoload.php';

use Telegram\Bot\Api;

$telegram = new Api(getenv('QUIZ_BOT_TOKEN'));
$offset = 0;

while (true) {
    $updates = $telegram->getUpdates(['offset' => $offset, 'timeout' => 30]);
    foreach ($updates as $update) {
        $offset = $update->getUpdateId() + 1;
        $message = $update->getMessage();
        if ($message && $message->getText() === '/quiz') {
            $telegram->sendMessage([
                'chat_id' => $message->getChat()->getId(),
                'text' => 'What is the capital of Australia?',
            ]);
        }
    }
}
