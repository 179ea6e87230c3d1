package dev.wirelab.http;

import static dev.wirelab.http.Quoting.quote;

import dev.wirelab.http.LineReader.EarlyRejection;
import dev.wirelab.http.LineReader.Line;

/**
 * Reads one chunk-size line, its CRLF already removed, into the {@link Chunk} it announces (RFC 9112
 * §7.1): {@code "1a;name=value"} is a chunk of 26 bytes with one extension, {@code "0"} the last-chunk.
 * The chunk's last-byte time is its first-byte time until its data has arrived.
 */
final class ChunkSizeLine {
  /** More significant hex digits than this would overflow the long that counts the chunk's bytes. */
  private static final int MAX_SIGNIFICANT_DIGITS = 15;

  static final EarlyRejection NOT_HEX = (line, next, offset) ->
      line.length() == 0 && Character.digit(next, 16) < 0 && next != '\r'
          ? new Violation(Rule.CHUNK_SIZE, "a chunk size in hexadecimal", quote(next) + "…", offset)
          : null;

  private ChunkSizeLine() {}

  /** Returns the chunk, or null when a violation stopped parsing. */
  static Chunk parse(Line line, ViolationSink violations) {
    String text = line.text();
    long offset = line.offset();
    int digits = 0;
    while (digits < text.length() && Character.digit(text.charAt(digits), 16) >= 0) digits++;
    int leadingZeros = 0;
    while (leadingZeros < digits - 1 && text.charAt(leadingZeros) == '0') leadingZeros++;
    if (digits == 0 || digits - leadingZeros > MAX_SIGNIFICANT_DIGITS) {
      violations.fail(new Violation(Rule.CHUNK_SIZE, digits == 0 ? "a chunk size in hexadecimal"
          : "a chunk size the harness can count (at most 15 significant hex digits)", quote(text), offset));
      return null;
    }
    String extensions = text.substring(digits);
    if (!extensions.isEmpty() && !extensions.stripLeading().startsWith(";")) {
      violations.fail(new Violation(Rule.CHUNK_SIZE, "hex digits, then \";\" extensions or CRLF", quote(text),
          offset + digits));
      return null;
    }
    if (!extensions.isEmpty() && !validExtensions(extensions)
        && !violations.report(new Violation(Rule.CHUNK_EXTENSION, "chunk extensions \";name[=value]\"",
            quote(extensions), offset + digits), true)) {
      return null;
    }
    long size = Long.parseLong(text.substring(leadingZeros, digits), 16);
    return new Chunk(offset, text, size, extensions.strip(), line.end(), line.firstByteNanos(),
        line.firstByteNanos());
  }

  private static boolean validExtensions(String extensions) {
    // chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ), RFC 9112 §7.1.1
    return extensions.matches("([ \\t]*;[ \\t]*[!#$%&'*+.^_`|~0-9A-Za-z-]+"
        + "([ \\t]*=[ \\t]*([!#$%&'*+.^_`|~0-9A-Za-z-]+|\"([^\"\\\\]|\\\\.)*\"))?)*[ \\t]*");
  }
}
