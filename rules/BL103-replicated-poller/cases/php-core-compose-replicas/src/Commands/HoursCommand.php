<?php

namespace Longman\TelegramBot\Commands\UserCommands;

use Longman\TelegramBot\Commands\UserCommand;
use Longman\TelegramBot\Entities\ServerResponse;

class HoursCommand extends UserCommand
{
    protected $name = 'hours';
    protected $description = 'Opening hours of the library';
    protected $usage = '/hours';

    public function execute(): ServerResponse
    {
        return $this->replyToChat("Mon–Fri 9:00–20:00, Sat 10:00–16:00, closed on Sundays.");
    }
}
