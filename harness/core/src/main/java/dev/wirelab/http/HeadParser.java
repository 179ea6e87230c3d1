package dev.wirelab.http;

import static dev.wirelab.http.Quoting.quote;

import dev.wirelab.http.LineReader.EarlyRejection;
import dev.wirelab.http.LineReader.Line;
import java.nio.charset.StandardCharsets;

/**
 * Reads a response's head, the status line and then field lines up to the empty line:
 * {@code "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"}. The head of an interim 1xx response other
 * than 101 is counted and dropped, and reading starts over at the next status line: the final response
 * follows on the same connection and a client must read past the interim one (RFC 9110 §15.2).
 */
final class HeadParser {
  private static final byte[] HTTP_PREFIX = "HTTP/".getBytes(StandardCharsets.US_ASCII);

  // Case-insensitive here so that "http/1.1" reaches the HTTP_VERSION rule with its own message.
  private static final EarlyRejection NOT_A_STATUS_LINE = (line, next, offset) ->
      line.length() < HTTP_PREFIX.length && Character.toUpperCase(next) != HTTP_PREFIX[line.length()]
          ? new Violation(Rule.STATUS_LINE, "a status line starting with \"HTTP/\"",
              quote(line.textSoFar() + (char) (next & 0xff)) + "…", offset)
          : null;

  /** What the head parser is reading now, in wire order. */
  enum Step {
    READ_STATUS_LINE,
    READ_FIELD_LINE
  }

  private final ViolationSink violations;
  private final SectionSizeLimit sizeLimit;
  private final LineReader lines;
  private final FieldSection fields;
  private Step step = Step.READ_STATUS_LINE;
  private StatusLine statusLine;
  private int interimResponses;

  HeadParser(ViolationSink violations, SectionSizeLimit sizeLimit) {
    this.violations = violations;
    this.sizeLimit = sizeLimit;
    this.lines = new LineReader(violations);
    this.fields = new FieldSection(FieldSection.Kind.HEADER, violations);
  }

  /** Takes byte {@code b}, found at {@code offset}; returns true when it ended the final response's head. */
  boolean accept(byte b, long offset, long nanos) {
    if (!sizeLimit.count(FieldSection.Kind.HEADER, offset)) return false;
    if (step == Step.READ_STATUS_LINE) {
      Line line = lines.accept(b, offset, nanos, NOT_A_STATUS_LINE);
      if (line != null && readStatusLine(line.text(), line.offset())) step = Step.READ_FIELD_LINE;
      return false;
    }
    Line line = lines.accept(b, offset, nanos, EarlyRejection.NEVER);
    if (line == null) return false;
    if (!line.text().isEmpty()) {
      fields.add(line.text(), line.offset());
      return false;
    }
    if (statusLine.isInformational() && statusLine.code() != 101) {
      startOverAfterInterimResponse();
      return false;
    }
    return true;
  }

  /** Null until a status line has been read, and again after an interim response. */
  StatusLine statusLine() {
    return statusLine;
  }

  /** The fields read so far. */
  Headers headers() {
    return fields.headers();
  }

  int interimResponses() {
    return interimResponses;
  }

  /** True before the first byte of a status line, the final response's included. */
  boolean awaitsStatusLine() {
    return step == Step.READ_STATUS_LINE && lines.isEmpty();
  }

  boolean readsFieldLines() {
    return step == Step.READ_FIELD_LINE;
  }

  int fieldCount() {
    return fields.size();
  }

  String progress(boolean anyBytesReceived) {
    return switch (step) {
      case READ_STATUS_LINE -> anyBytesReceived ? "status line incomplete" : "no bytes received";
      case READ_FIELD_LINE -> "status line read, header section incomplete after " + fields.size() + " fields";
    };
  }

  /** Returns true if parsing goes on after {@code text}, the status line starting at {@code offset}. */
  private boolean readStatusLine(String text, long offset) {
    int firstSpace = text.indexOf(' ');
    String version = firstSpace < 0 ? text : text.substring(0, firstSpace);
    if (!version.matches("HTTP/[0-9]\\.[0-9]")) {
      boolean looksLikeVersion = version.startsWith("HTTP/") || version.startsWith("http/");
      String expected = looksLikeVersion
          ? "HTTP-version \"HTTP/1.1\" (case-sensitive)" : "a status line such as \"HTTP/1.1 200 OK\"";
      violations.fail(new Violation(looksLikeVersion ? Rule.HTTP_VERSION : Rule.STATUS_LINE, expected, quote(text),
          offset));
      return false;
    }
    String rest = text.substring(firstSpace + 1);
    // (?s): Java's "." stops at \u0085, which here is the obs-text byte 0x85, a legal reason byte.
    if (!rest.matches("(?s)[0-9]{3}( .*)?")) {
      violations.fail(new Violation(Rule.STATUS_LINE, "SP, a three-digit status code, SP, an optional reason",
          quote(text), offset + firstSpace + 1));
      return false;
    }
    int code = Integer.parseInt(rest.substring(0, 3));
    String reason = rest.length() > 4 ? rest.substring(4) : "";
    // reason-phrase = 1*( HTAB / SP / VCHAR / obs-text ): no control characters.
    for (int i = 0; i < reason.length(); i++) {
      char c = reason.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        if (!violations.report(new Violation(Rule.STATUS_LINE, "a reason phrase of visible characters",
            quote(reason), offset + firstSpace + 5 + i), true)) {
          return false;
        }
        break;
      }
    }
    statusLine = new StatusLine(version, code, reason, offset);
    // RFC 9112 §4: the SP before an empty reason phrase is still required.
    return rest.length() != 3
        || violations.report(new Violation(Rule.STATUS_LINE, "SP after the status code, even with no reason",
            "end of line", offset + text.length()), true);
  }

  private void startOverAfterInterimResponse() {
    interimResponses++;
    statusLine = null;
    fields.clear();
    sizeLimit.restart();
    step = Step.READ_STATUS_LINE;
  }
}
