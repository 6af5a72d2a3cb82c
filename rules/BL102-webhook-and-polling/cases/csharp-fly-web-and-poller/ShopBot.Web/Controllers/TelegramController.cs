using Microsoft.AspNetCore.Mvc;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ShopBot.Web.Controllers;

[ApiController]
[Route("api/telegram")]
public class TelegramController : ControllerBase
{
    private readonly ITelegramBotClient _bot;

    public TelegramController(ITelegramBotClient bot) => _bot = bot;

    [HttpPost]
    public async Task<IActionResult> Post([FromBody] Update update, CancellationToken ct)
    {
        if (update.Message is { } message)
        {
            await _bot.SendTextMessageAsync(message.Chat.Id, "Thanks for your order!", cancellationToken: ct);
        }
        return Ok();
    }
}
