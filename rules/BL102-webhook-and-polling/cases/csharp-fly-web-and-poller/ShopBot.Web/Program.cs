using Telegram.Bot;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers().AddNewtonsoftJson();

var botClient = new TelegramBotClient(builder.Configuration["Telegram:BotToken"]!);
builder.Services.AddSingleton<ITelegramBotClient>(botClient);

var app = builder.Build();
await botClient.SetWebhookAsync(builder.Configuration["Telegram:WebhookUrl"]!);
app.MapControllers();
app.Run();
