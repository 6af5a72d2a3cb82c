use teloxide::{prelude::*, utils::command::BotCommands};

mod forecast;

#[derive(BotCommands, Clone)]
#[command(rename_rule = "lowercase", description = "Weather commands:")]
enum Command {
    #[command(description = "forecast for a city")]
    Weather(String),
}

#[tokio::main]
async fn main() {
    pretty_env_logger::init();
    log::info!("Starting weather bot...");

    // Reads TELOXIDE_TOKEN.
    let bot = Bot::from_env();

    Command::repl(bot, answer).await;
}

async fn answer(bot: Bot, msg: Message, cmd: Command) -> ResponseResult<()> {
    match cmd {
        Command::Weather(city) => {
            let text = forecast::for_city(&city).await;
            bot.send_message(msg.chat.id, text).await?
        }
    };
    Ok(())
}
