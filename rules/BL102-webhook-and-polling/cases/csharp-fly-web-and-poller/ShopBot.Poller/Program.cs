using Telegram.Bot;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;

// Delivery notifications: an old console app that still polls for /status commands.
var bot = new TelegramBotClient(Environment.GetEnvironmentVariable("Telegram__BotToken")!);
using var cts = new CancellationTokenSource();

bot.StartReceiving(
    updateHandler: HandleUpdateAsync,
    pollingErrorHandler: (_, exception, _) => { Console.WriteLine(exception.Message); return Task.CompletedTask; },
    receiverOptions: new ReceiverOptions { AllowedUpdates = [] },
    cancellationToken: cts.Token);

Console.WriteLine("Polling for delivery commands");
await Task.Delay(Timeout.Infinite, cts.Token);

async Task HandleUpdateAsync(ITelegramBotClient client, Update update, CancellationToken ct)
{
    if (update.Message?.Text == "/status")
    {
        await client.SendTextMessageAsync(update.Message.Chat.Id, "Your parcel is on its way", cancellationToken: ct);
    }
}
