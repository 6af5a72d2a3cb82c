<?php
$config = [
    'api_key'      => getenv('COFFEE_BOT_TOKEN'),
    'bot_username' => 'coffee_corner_bot',
    'mysql'        => [
        'host'     => '127.0.0.1',
        'user'     => 'coffee',
        'password' => getenv('MYSQL_PASSWORD'),
        'database' => 'coffee_bot',
    ],
];
