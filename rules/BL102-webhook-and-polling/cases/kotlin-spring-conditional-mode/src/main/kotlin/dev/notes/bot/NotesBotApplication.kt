package dev.notes.bot

import org.springframework.boot.autoconfigure.SpringBootApplication
import org.springframework.boot.runApplication

@SpringBootApplication
class NotesBotApplication

fun main(args: Array<String>) {
    runApplication<NotesBotApplication>(*args)
}
