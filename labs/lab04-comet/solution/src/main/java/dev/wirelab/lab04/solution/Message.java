package dev.wirelab.lab04.solution;

import java.time.Instant;

/** One chat message as stored: its id is also every subscriber's cursor. */
public record Message(long id, String content, Instant createdAt) {}
