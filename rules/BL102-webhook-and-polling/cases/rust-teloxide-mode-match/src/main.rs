use std::env;
use std::net::SocketAddr;

use teloxide::{prelude::*, update_listeners::webhooks};

#[tokio::main]
async fn main() {
    let bot = Bot::new(env::var("REMINDME_TOKEN").expect("REMINDME_TOKEN is not set"));
    let handler = Update::filter_message().endpoint(|bot: Bot, msg: Message| async move {
        bot.send_message(msg.chat.id, "I'll remind you!").await?;
        respond(())
    });
    let mut dispatcher = Dispatcher::builder(bot.clone(), handler).enable_ctrlc_handler().build();

    match env::var("BOT_MODE").as_deref() {
        Ok("webhook") => {
            let addr: SocketAddr = ([0, 0, 0, 0], 8443).into();
            let url = env::var("WEBHOOK_URL").unwrap().parse().unwrap();
            let listener = webhooks::axum(bot, webhooks::Options::new(addr, url))
                .await
                .expect("Couldn't set up the webhook");
            dispatcher
                .dispatch_with_listener(listener, LoggingErrorHandler::with_custom_text("listener error"))
                .await;
        }
        _ => dispatcher.dispatch().await,
    }
}
