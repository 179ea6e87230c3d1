package dev.wirelab.lab02.solution;

/** One field line, {@code Name: value}, of a header section or a trailer section (RFC 9110 §5). */
public record Field(String name, String value) {}
