<?php

return [
    'default' => 'mybot',
    'bots' => [
        'mybot' => [
            'token' => env('TELEGRAM_BOT_TOKEN', 'YOUR-BOT-TOKEN'),
            'webhook_url' => env('TELEGRAM_WEBHOOK_URL', 'https://support.example.com/api/telegram/webhook'),
            'commands' => [],
        ],
    ],
    'async_requests' => env('TELEGRAM_ASYNC_REQUESTS', false),
];
