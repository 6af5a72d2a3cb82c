plugins {
    id("org.springframework.boot") version "3.3.0"
    kotlin("jvm") version "2.0.0"
    kotlin("plugin.spring") version "2.0.0"
}

dependencies {
    implementation("org.springframework.boot:spring-boot-starter-web")
    implementation("org.telegram:telegrambots-springboot-longpolling-starter:7.10.0")
    implementation("org.telegram:telegrambots-springboot-webhook-starter:7.10.0")
    implementation("org.telegram:telegrambots-client:7.10.0")
}
