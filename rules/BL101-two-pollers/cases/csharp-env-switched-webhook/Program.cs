using Telegram.Bot;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;

var token = Environment.GetEnvironmentVariable("ECHO_BOT_TOKEN")
    ?? throw new InvalidOperationException("ECHO_BOT_TOKEN is missing");
var bot = new TelegramBotClient(token);

if (Environment.GetEnvironmentVariable("USE_WEBHOOK") == "true")
{
    var app = WebApplication.CreateBuilder(args).Build();
    await bot.SetWebhook(Environment.GetEnvironmentVariable("PUBLIC_URL") + "/bot");
    app.MapPost("/bot", async (Update update) =>
    {
        if (update.Message is { Text: { } text } message)
            await bot.SendMessage(message.Chat, text);
    });
    app.Run();
}
else
{
    using var cts = new CancellationTokenSource();
    bot.StartReceiving(
        async (client, update, ct) =>
        {
            if (update.Message is { Text: { } text } message)
                await client.SendMessage(message.Chat, text, cancellationToken: ct);
        },
        (_, exception, _) => Console.WriteLine(exception),
        new ReceiverOptions(),
        cts.Token);
    Console.ReadLine();
}
