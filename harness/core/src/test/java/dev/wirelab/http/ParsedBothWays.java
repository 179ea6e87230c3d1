package dev.wirelab.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.wire.Escaping;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Parses one byte vector twice, once fed whole and once one byte at a time, and asserts that both
 * parsers reached the same result: an incremental parser must not care where reads split the stream.
 * Arrival times are all zero here so the two results compare exactly; timing has its own tests.
 */
record ParsedBothWays(HttpResponse response, int consumed) {

  /** Feeds {@code wire} (ISO-8859-1, so every char is one byte) and stops there, connection still open. */
  static ParsedBothWays parse(ParseMode mode, String method, String wire) {
    return parse(mode, method, wire, false);
  }

  /** Feeds {@code wire}, then tells the parser the server closed the connection after it. */
  static ParsedBothWays parseThenClose(ParseMode mode, String method, String wire) {
    return parse(mode, method, wire, true);
  }

  static ParsedBothWays strict(String wire) {
    return parse(ParseMode.STRICT, "GET", wire, false);
  }

  static ParsedBothWays lenient(String wire) {
    return parse(ParseMode.LENIENT, "GET", wire, false);
  }

  private static ParsedBothWays parse(ParseMode mode, String method, String wire, boolean close) {
    byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);

    ResponseParser whole = new ResponseParser(method, mode);
    int consumedWhole = whole.feed(bytes, 0, bytes.length, 0, 0);
    if (close) whole.endOfInput(bytes.length);

    ResponseParser byteByByte = new ResponseParser(method, mode);
    int consumedByByte = 0;
    for (int i = 0; i < bytes.length; i++) {
      int consumed = byteByByte.feed(bytes, i, i + 1, i, 0);
      consumedByByte += consumed;
      if (consumed == 0) break; // done: the rest belongs to whatever follows this response
    }
    if (close) byteByByte.endOfInput(bytes.length);

    HttpResponse response = whole.response();
    assertThat(describe(byteByByte.response()))
        .as("fed one byte at a time vs fed whole: %s", Escaping.escape(bytes))
        .isEqualTo(describe(response));
    assertThat(consumedByByte).as("bytes consumed one at a time vs whole").isEqualTo(consumedWhole);
    return new ParsedBothWays(response, consumedWhole);
  }

  /** Every field of a response on its own line, so a mismatch shows as a readable diff. */
  static String describe(HttpResponse response) {
    return String.join("\n",
        "status: " + response.statusLine(),
        "headers: " + response.headers().fields(),
        "framing: " + response.framing(),
        "declaredLength: " + response.declaredLength(),
        "bodyOffset: " + response.bodyOffset(),
        "body: " + Escaping.escape(response.body()),
        "chunks: " + response.chunks().stream().map(Object::toString).collect(Collectors.joining(", ")),
        "trailers: " + response.trailers().fields(),
        "violations: " + response.violations(),
        "complete: " + response.complete(),
        "endOffset: " + response.endOffset(),
        "headerCompleteNanos: " + response.headerCompleteNanos(),
        "progress: " + response.progress());
  }

  String bodyText() {
    return new String(response.body(), StandardCharsets.ISO_8859_1);
  }

  Violation onlyViolation() {
    assertThat(response.violations()).as("violations").hasSize(1);
    return response.violations().get(0);
  }
}
