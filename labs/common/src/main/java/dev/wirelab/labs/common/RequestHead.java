package dev.wirelab.labs.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a request head: the request line and header fields, up to and including the empty line.
 *
 * <p>TCP delivers a stream, not messages. {@code "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n"} may arrive
 * as one read or as {@code "GE"}, {@code "T /hel"}, ..., {@code "\r"}, {@code "\n"}: the head ends
 * where CR LF CR LF is, never where a read() happened to stop (RFC 9112 §2.1).
 */
public final class RequestHead {
  private static final int END_OF_HEAD = 0x0D0A0D0A; // CR LF CR LF

  private RequestHead() {}

  /**
   * The head decoded as ISO-8859-1 (one char per byte), or empty when the client closed before
   * sending a single byte.
   *
   * <p>Reads exactly through the CR LF CR LF and not one byte further, so whatever follows (a body, the
   * next pipelined request) is still in {@code in}. Pass the connection's one buffered stream: a new
   * {@code BufferedInputStream} per request would swallow the bytes of the next request into a buffer
   * that is then thrown away.
   */
  public static Optional<String> read(InputStream in, int maxBytes)
      throws IOException, RejectedRequest {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int lastFourBytes = 0;
    try {
      while (lastFourBytes != END_OF_HEAD) {
        int b = in.read();
        if (b == -1) {
          if (head.size() == 0) return Optional.empty();
          throw new RejectedRequest(400, "Bad Request",
              "expected CRLF CRLF at the end of the request head but the connection closed");
        }
        if (head.size() == maxBytes) {
          throw new RejectedRequest(431, "Request Header Fields Too Large",
              "expected a request head of at most " + maxBytes + " bytes");
        }
        head.write(b);
        lastFourBytes = lastFourBytes << 8 | b;
      }
    } catch (SocketTimeoutException e) {
      throw new RejectedRequest(408, "Request Timeout",
          "expected CRLF CRLF at the end of the request head but it did not come in time");
    }
    return Optional.of(head.toString(StandardCharsets.ISO_8859_1));
  }

  /** The request line: everything before the first CRLF (all of it if there is none). */
  public static String firstLine(String head) {
    int end = head.indexOf("\r\n");
    return end == -1 ? head : head.substring(0, end);
  }

  /**
   * The values of every field line named {@code name} (case-insensitive, RFC 9110 §5.1), in the order
   * sent, without the whitespace around them (RFC 9112 §5.1). {@code TE: trailers} gives
   * {@code ["trailers"]}; a field sent twice gives two values. A line without a colon is skipped: this is
   * a lookup, not a validator.
   */
  public static List<String> fieldValues(String head, String name) {
    List<String> values = new ArrayList<>();
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) { // lines[0] is the request line.
      String line = lines[i];
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
        values.add(withoutOptionalWhitespace(line.substring(colon + 1)));
      }
    }
    return values;
  }

  /** RFC 9110 §5.6.3: OWS is spaces and horizontal tabs only, so String.strip() would take too much. */
  private static String withoutOptionalWhitespace(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isSpaceOrTab(value.charAt(start))) start++;
    while (end > start && isSpaceOrTab(value.charAt(end - 1))) end--;
    return value.substring(start, end);
  }

  private static boolean isSpaceOrTab(char c) {
    return c == ' ' || c == '\t';
  }
}
