<?php

function rate_reply(string $text): string
{
    $pair = strtoupper(trim($text, "/ \n"));
    if (!preg_match('/^[A-Z]{3}[A-Z]{3}$/', $pair)) {
        return 'Send a pair such as /EURUSD';
    }
    $json = file_get_contents('https://api.frankfurter.app/latest?from=' . substr($pair, 0, 3) . '&to=' . substr($pair, 3));
    $rate = json_decode($json, true)['rates'][substr($pair, 3)] ?? null;

    return $rate === null ? 'Unknown currency' : sprintf('1 %s = %.4f %s', substr($pair, 0, 3), $rate, substr($pair, 3));
}
