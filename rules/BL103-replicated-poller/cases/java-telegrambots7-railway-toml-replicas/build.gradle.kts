plugins {
    application
    id("com.gradleup.shadow") version "8.3.5"
}

group = "dev.quotes"
version = "1.0.0"

repositories {
    mavenCentral()
}

dependencies {
    implementation("org.telegram:telegrambots-longpolling:7.10.0")
    implementation("org.telegram:telegrambots-client:7.10.0")
}

java {
    toolchain { languageVersion = JavaLanguageVersion.of(21) }
}

application {
    mainClass = "dev.quotes.QuotesBot"
}
