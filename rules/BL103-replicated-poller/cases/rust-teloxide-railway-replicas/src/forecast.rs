/// Formats a forecast; the HTTP call to the weather API lives here, not in main.
pub async fn for_city(city: &str) -> String {
    let url = format!("https://wttr.in/{}?format=3", city);
    match reqwest::get(&url).await {
        Ok(response) => response.text().await.unwrap_or_else(|_| "No forecast".into()),
        Err(_) => "Weather service unavailable".into(),
    }
}
