package dev.wirelab.lab03.solution;

/** One field line, {@code Name: value}, of a header section (RFC 9110 §5). */
public record Field(String name, String value) {}
