package dev.wirelab.http;

import static dev.wirelab.http.Quoting.quote;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects the bytes of one line, one byte at a time, and returns the line once its {@code \n} arrives:
 * {@code "Server: lab\r\n"} gives {@code "Server: lab"}. A bare {@code \n} ending the line and a bare
 * {@code \r} inside it break RFC 9112 §2.2; lenient parsing lets both through, the {@code \r} kept in
 * the text. A line is rejected without waiting for its end once it passes {@value #MAX_LINE_BYTES}
 * bytes, or as soon as an {@link EarlyRejection} rules out its first bytes.
 */
final class LineReader {
  static final int MAX_LINE_BYTES = 8 * 1024;

  /**
   * A complete line without its line ending. {@code offset} is where its first byte was in the received
   * stream and {@code firstByteNanos} when that byte arrived; {@code end} is one past its {@code \n}.
   */
  record Line(String text, long offset, long firstByteNanos, long end) {}

  /**
   * Judges a line by its first bytes, so that random bytes, a TLS alert, or garbage on a connection the
   * server keeps open get their verdict at the first wrong byte instead of never.
   */
  @FunctionalInterface
  interface EarlyRejection {
    EarlyRejection NEVER = (line, next, offset) -> null;

    /** Returns why {@code next}, arriving after what {@code line} holds so far, rules the line out, or null. */
    Violation reject(LineReader line, byte next, long offset);
  }

  private final ViolationSink violations;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private long startOffset = -1;
  private long startNanos = -1;

  LineReader(ViolationSink violations) {
    this.violations = violations;
  }

  /**
   * Takes byte {@code b}, found at {@code offset} and arriving at {@code nanos}. Returns the line once
   * {@code b} ends it; null while the line goes on, and after a violation that stopped parsing.
   */
  Line accept(byte b, long offset, long nanos, EarlyRejection earlyRejection) {
    if (startOffset < 0) {
      startOffset = offset;
      startNanos = nanos;
    }
    if (b == '\n') return end(offset);
    Violation rejection = earlyRejection.reject(this, b, offset);
    if (rejection != null) {
      violations.fail(rejection);
    } else if (bytes.size() >= MAX_LINE_BYTES) {
      violations.fail(new Violation(Rule.HEADER_TOO_LARGE, "a line of at most " + MAX_LINE_BYTES + " bytes",
          "a line still going after " + bytes.size() + " bytes: " + quote(new String(bytes.toByteArray(), 0,
              Math.min(bytes.size(), 40), StandardCharsets.ISO_8859_1)), startOffset));
    } else {
      bytes.write(b);
    }
    return null;
  }

  /** How many bytes of the current line have been kept so far. */
  int length() {
    return bytes.size();
  }

  /** The current line so far, one char per byte. */
  String textSoFar() {
    return new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1);
  }

  /** True when no byte of a line has arrived since the last line ended. */
  boolean isEmpty() {
    return bytes.size() == 0 && startOffset < 0;
  }

  private Line end(long lineFeedOffset) {
    byte[] content = bytes.toByteArray();
    int length = content.length;
    if (length > 0 && content[length - 1] == '\r') {
      length--;
    } else if (!violations.report(new Violation(Rule.LINE_ENDING, "\"\\r\\n\"", "a bare \"\\n\"", lineFeedOffset),
        true)) {
      return null;
    }
    for (int i = 0; i < length; i++) {
      if (content[i] != '\r') continue;
      if (!violations.report(new Violation(Rule.LINE_ENDING, "\"\\r\" only before \"\\n\"", "a bare \"\\r\"",
          startOffset + i), true)) {
        return null;
      }
      content[i] = ' '; // RFC 9112 §2.2: a recipient may replace a bare CR with SP and go on
    }
    Line line = new Line(new String(content, 0, length, StandardCharsets.ISO_8859_1), startOffset, startNanos,
        lineFeedOffset + 1);
    bytes.reset();
    startOffset = -1;
    return line;
  }
}
