package dev.wirelab.check;

import dev.wirelab.client.Exchange;
import dev.wirelab.http.HeaderField;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.http.Violation;
import dev.wirelab.wire.Escaping;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The assertions checks share. Each throws a {@link CheckFailure} whose diagnostic says what was
 * expected, what arrived, at which byte, and which RFC section rules it.
 */
public final class Expectations {
  private Expectations() {}

  /** A failure located at {@code offset} of the exchange's received bytes. */
  public static CheckFailure failAt(Exchange exchange, long offset, String expected, String actual,
      String section) {
    boolean haveBytes = exchange.transcript() != null && !exchange.transcript().isReleased();
    return new CheckFailure(new Diagnostic(expected, actual, section, offset,
        haveBytes ? exchange.excerptAt(offset) : null, exchange.label(), exchange.outcome()));
  }

  /** A failure that is not about one byte, e.g. a server that never answered. */
  public static CheckFailure fail(Exchange exchange, String expected, String actual, String section) {
    return new CheckFailure(new Diagnostic(expected, actual, section, -1, null,
        exchange == null ? null : exchange.label(), exchange == null ? null : exchange.outcome()));
  }

  public static CheckFailure violation(Exchange exchange, Violation violation) {
    return failAt(exchange, violation.offset(), violation.expected(), violation.actual(),
        violation.rule().section());
  }

  /** Where the three digits of the status code start: after the HTTP-version and its SP. */
  public static long statusCodeOffset(dev.wirelab.http.StatusLine line) {
    return line.offset() + line.version().length() + 1;
  }

  /** The server answered with at least a parseable status line. */
  public static dev.wirelab.http.StatusLine statusLine(Exchange exchange) throws CheckFailure {
    if (!exchange.connected()) {
      throw fail(exchange, "the server to accept a connection", "\"" + exchange.connectError() + "\"",
          "RFC 9112 §9.1");
    }
    HttpResponse response = exchange.response();
    if (response.hasStatusLine()) return response.statusLine();
    Violation violation = exchange.firstViolation();
    if (violation != null) throw violation(exchange, violation);
    throw failAt(exchange, exchange.transcript().receivedTotal(), "a status line such as \"HTTP/1.1 200 OK\\r\\n\"",
        exchange.outcome(), "RFC 9112 §4");
  }

  /**
   * The status line is exactly {@code HTTP/1.1 <expected> ...}. Only the status line is judged, so a
   * broken header section is left to the check that is about it.
   */
  public static void statusLineIs(Exchange exchange, int expected) throws CheckFailure {
    dev.wirelab.http.StatusLine line = statusLine(exchange);
    if (!line.version().equals("HTTP/1.1")) {
      throw failAt(exchange, line.offset(), "HTTP-version \"HTTP/1.1\"", "\"" + line.version() + "\"",
          "RFC 9112 §2.3");
    }
    if (line.code() != expected) {
      throw failAt(exchange, statusCodeOffset(line), "status " + expected,
          "status " + line.code() + " (\"" + Escaping.printable(line.toString()) + "\")", "RFC 9110 §15");
    }
  }

  /** A complete 405 whose Allow field lists exactly {@code methods} (RFC 9110 §15.5.6). */
  public static void allowOnly(Exchange exchange, java.util.Set<String> methods) throws CheckFailure {
    status(exchange, 405, "RFC 9110 §15.5.6");
    HttpResponse response = complete(exchange);
    java.util.Set<String> allowed = new java.util.TreeSet<>(response.headers().listValues("Allow"));
    if (!allowed.equals(methods)) {
      throw failAt(exchange, response.headers().field("Allow").map(field -> field.offset())
              .orElse(response.bodyOffset() - 2),
          "\"Allow: " + String.join(", ", new java.util.TreeSet<>(methods)) + "\"",
          allowed.isEmpty() ? "no Allow field" : "Allow listing " + allowed, "RFC 9110 §15.5.6");
    }
  }

  /** The server answered with at least a parseable status line and header section. */
  public static HttpResponse answered(Exchange exchange) throws CheckFailure {
    if (!exchange.connected()) {
      throw fail(exchange, "the server to accept a connection", "\"" + exchange.connectError() + "\"",
          "RFC 9112 §9.1");
    }
    HttpResponse response = exchange.response();
    if (!response.headersComplete()) {
      Violation violation = exchange.firstViolation();
      if (violation != null) throw violation(exchange, violation);
      long at = exchange.transcript().receivedTotal();
      throw failAt(exchange, at, "a status line and header section ending in an empty line",
          exchange.outcome(), "RFC 9112 §2.1");
    }
    return response;
  }

  /** The whole response arrived, framed so its end could be found. */
  public static HttpResponse complete(Exchange exchange) throws CheckFailure {
    HttpResponse response = answered(exchange);
    if (!response.complete()) {
      Violation violation = exchange.firstViolation();
      if (violation != null) throw violation(exchange, violation);
      throw failAt(exchange, exchange.transcript().receivedTotal(), "a complete response",
          exchange.outcome(), "RFC 9112 §8");
    }
    return response;
  }

  public static void status(Exchange exchange, int expected, String section) throws CheckFailure {
    HttpResponse response = answered(exchange);
    if (response.code() != expected) {
      throw failAt(exchange, statusCodeOffset(response.statusLine()),
          "status " + expected,
          "status " + response.code() + " (\"" + Escaping.printable(response.statusLine().toString()) + "\")",
          section);
    }
  }

  /** The field is present exactly once with exactly this value (field names ignore case). */
  public static void header(Exchange exchange, String name, String expected, String section)
      throws CheckFailure {
    HttpResponse response = answered(exchange);
    var fields = response.headers().all(name);
    if (fields.isEmpty()) {
      throw failAt(exchange, response.bodyOffset() - 2, "a field \"" + name + ": " + expected + "\"",
          "no " + name + " field in the header section", section);
    }
    if (fields.size() > 1) {
      throw failAt(exchange, fields.get(1).offset(), "one " + name + " field", fields.size() + " of them",
          section);
    }
    if (!fields.get(0).value().equals(expected)) {
      throw failAt(exchange, fields.get(0).offset(), "\"" + name + ": " + expected + "\"",
          "\"" + fields.get(0) + "\"", section);
    }
  }

  /**
   * Transfer-Encoding ends with {@code chunked}, compared as transfer-coding names are: ignoring case
   * (RFC 9112 §7). {@code Chunked} and {@code gzip, chunked} pass; no field, or {@code chunked, gzip}, fail.
   */
  public static void transferCodingIsChunked(Exchange exchange, String section) throws CheckFailure {
    HttpResponse response = answered(exchange);
    List<String> codings = response.headers().listValues("Transfer-Encoding");
    if (codings.isEmpty() || !codings.get(codings.size() - 1).equalsIgnoreCase("chunked")) {
      throw failAt(exchange, response.headers().field("Transfer-Encoding").map(HeaderField::offset)
              .orElse(response.bodyOffset() - 2),
          "\"Transfer-Encoding: chunked\"", codings.isEmpty() ? "no Transfer-Encoding field"
              : "\"Transfer-Encoding: " + String.join(", ", codings) + "\"", section);
    }
  }

  /** The first violation at or after {@code from} in the received stream, if any. */
  public static Optional<Violation> firstViolationFrom(Exchange exchange, long from) {
    return exchange.response().violations().stream()
        .filter(violation -> violation.offset() >= from)
        .min(java.util.Comparator.comparingLong(Violation::offset));
  }

  public static void noHeader(Exchange exchange, String name, String section) throws CheckFailure {
    HttpResponse response = answered(exchange);
    Optional<dev.wirelab.http.HeaderField> field = response.headers().field(name);
    if (field.isPresent()) {
      throw failAt(exchange, field.get().offset(), "no " + name + " field", "\"" + field.get() + "\"", section);
    }
  }

  /**
   * A complete response with nothing after its end. {@code end} names that end for the student ("the
   * header section of a HEAD response", "the final CRLF"): bytes past it would be read as the start of
   * the next response on a persistent connection.
   */
  public static HttpResponse nothingAfter(Exchange exchange, String end, String section) throws CheckFailure {
    HttpResponse response = complete(exchange);
    long extra = exchange.bytesAfterResponse();
    if (extra > 0) {
      throw failAt(exchange, response.endOffset(), "nothing after " + end, extra + " more bytes", section);
    }
    return response;
  }

  /**
   * The server closed the connection once the response was complete, as RFC 9112 §9.6 requires after
   * a request that said {@code Connection: close}.
   */
  public static void serverClosed(Exchange exchange) throws CheckFailure {
    HttpResponse response = complete(exchange);
    if (!exchange.serverClosed()) {
      throw failAt(exchange, response.endOffset(), "the server to close the connection after the response",
          exchange.outcome(), "RFC 9112 §9.6");
    }
  }

  /** The body is exactly these bytes; a mismatch points at the first byte that differs. */
  public static void body(Exchange exchange, byte[] expected, String section) throws CheckFailure {
    HttpResponse response = complete(exchange);
    byte[] actual = response.body();
    int mismatch = Arrays.mismatch(expected, actual);
    if (mismatch < 0) return;
    long at = response.streamOffsetOfBodyByte(mismatch);
    throw failAt(exchange, at, describe(expected, mismatch), describe(actual, mismatch), section);
  }

  /** "14 body bytes, \"Hello…\"" for short bodies; for long ones, what stands at the first difference. */
  private static String describe(byte[] body, int mismatch) {
    String count = body.length + " body bytes";
    if (body.length <= 64) return count + ", \"" + Escaping.escape(body) + "\"";
    if (mismatch >= body.length) return count + ", ending at body byte " + body.length;
    int end = Math.min(body.length, mismatch + 12);
    return count + ", \"" + Escaping.escape(body, mismatch, end) + (end < body.length ? "…" : "")
        + "\" at body byte " + mismatch;
  }

  public static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
