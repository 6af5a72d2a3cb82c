<?php

namespace App\Console\Commands;

use Illuminate\Console\Command;
use Telegram\Bot\Laravel\Facades\Telegram;

class PollTelegram extends Command
{
    protected $signature = 'telegram:poll';

    protected $description = 'Fetch pending Telegram updates (used before the webhook was set up)';

    public function handle(): int
    {
        Telegram::commandsHandler(false);

        return self::SUCCESS;
    }
}
