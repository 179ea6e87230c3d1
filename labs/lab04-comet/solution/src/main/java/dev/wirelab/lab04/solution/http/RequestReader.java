package dev.wirelab.lab04.solution.http;

import com.sun.net.httpserver.Headers;
import dev.wirelab.labs.common.RejectedRequest;
import dev.wirelab.labs.common.RequestHead;
import dev.wirelab.labs.common.RequestLine;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one whole request, head and body, and leaves the connection's input at the first byte of the
 * next one. What makes the request or its end uncertain is a {@link RejectedRequest}: the connection
 * answers it and closes.
 */
final class RequestReader {
  static final int MAX_HEAD_BYTES = 8 * 1024;
  /** Larger than any body a handler here accepts, so that a handler's own limit (and message) applies. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  // RFC 9112 §5.1: field-name ":" OWS field-value OWS; the name is a token (no whitespace before the
  // colon, so no obs-fold either); the value visible ASCII, obs-text, SP and HTAB (RFC 9110 §5.5).
  private static final Pattern FIELD_LINE = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+:[\\t\\x20-\\x7E\\x80-\\xFF]*");
  private static final Pattern DECIMAL_DIGITS = Pattern.compile("[0-9]{1,18}");
  /** {@link #bodyLength} of a chunked body, whose length is known only at its end. */
  private static final int CHUNKED = -1;

  private RequestReader() {}

  /** The next request, or empty when the client closed before its first byte. */
  static Optional<Request> read(ConnectionInput in, OutputStream out) throws IOException, RejectedRequest {
    skipEmptyLines(in);
    Optional<String> head = RequestHead.read(in, MAX_HEAD_BYTES);
    if (head.isEmpty()) return Optional.empty();
    RequestLine line = RequestLine.parse(RequestHead.firstLine(head.get()));
    Headers headers = fields(head.get(), line);
    URI uri = uri(line);
    int contentLength = bodyLength(headers);
    if (contentLength != 0) answerExpectation(line, headers, out);
    try {
      byte[] body = contentLength == CHUNKED
          ? ChunkedRequestBody.read(in, MAX_BODY_BYTES)
          : fixedLengthBody(in, contentLength);
      return Optional.of(new Request(line, uri, headers, body));
    } catch (SocketTimeoutException e) {
      throw new RejectedRequest(408, "Request Timeout", "expected the rest of the body but it did not come in time");
    }
  }

  /** RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request line. */
  private static void skipEmptyLines(ConnectionInput in) throws IOException {
    for (int skipped = 0; skipped < 8 && (in.peek() == '\r' || in.peek() == '\n'); skipped++) in.read();
  }

  /**
   * Every line after the request line is {@code name: value} (RFC 9112 §5.1); an HTTP/1.1 request has
   * exactly one Host (RFC 9112 §3.2). Names are kept as {@link Headers} spells them.
   */
  private static Headers fields(String head, RequestLine line) throws RejectedRequest {
    Headers headers = new Headers();
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      if (!FIELD_LINE.matcher(lines[i]).matches()) {
        throw badRequest("expected a field line name: value but was \"" + printable(lines[i]) + "\"");
      }
      int colon = lines[i].indexOf(':');
      headers.add(lines[i].substring(0, colon), lines[i].substring(colon + 1).replaceAll("^[ \t]+|[ \t]+$", ""));
    }
    int hostCount = headers.getOrDefault("Host", List.of()).size();
    if (hostCount > 1 || (hostCount == 0 && line.minorVersion() >= 1)) {
      throw badRequest("expected one Host field but was " + hostCount);
    }
    return headers;
  }

  private static URI uri(RequestLine line) throws RejectedRequest {
    try {
      return new URI(line.target());
    } catch (URISyntaxException e) {
      throw badRequest("expected a request-target that is a URI but was \"" + printable(line.target()) + "\"");
    }
  }

  /**
   * How long the body is, decided once in the order of RFC 9112 §6.3: {@link #CHUNKED}, a length, or 0
   * when the request has neither field (rule 7). Both fields at once is how request smuggling looks
   * (RFC 9112 §11.2), so it is refused, as is any coding but chunked.
   */
  private static int bodyLength(Headers headers) throws RejectedRequest {
    List<String> transferEncoding = headers.getOrDefault("Transfer-Encoding", List.of());
    List<String> contentLength = headers.getOrDefault("Content-Length", List.of());
    if (!transferEncoding.isEmpty() && !contentLength.isEmpty()) {
      throw badRequest("expected Transfer-Encoding or Content-Length but was both");
    }
    if (!transferEncoding.isEmpty()) {
      String codings = String.join(",", transferEncoding).toLowerCase(Locale.ROOT).replaceAll("[ \t]", "");
      if (!codings.equals("chunked")) {
        throw new RejectedRequest(501, "Not Implemented", "expected Transfer-Encoding: chunked but was " + codings);
      }
      return CHUNKED;
    }
    if (contentLength.isEmpty()) return 0;
    long length = -1;
    for (String member : String.join(",", contentLength).split(",", -1)) {
      String digits = member.strip();
      if (!DECIMAL_DIGITS.matcher(digits).matches()) {
        throw badRequest("expected Content-Length as decimal digits but was \"" + printable(digits) + "\"");
      }
      if (length != -1 && Long.parseLong(digits) != length) {
        throw badRequest("expected one Content-Length but was " + length + " and " + digits);
      }
      length = Long.parseLong(digits);
    }
    if (length > MAX_BODY_BYTES) {
      throw new RejectedRequest(413, "Content Too Large",
          "expected a body of at most " + MAX_BODY_BYTES + " bytes but Content-Length was " + length);
    }
    return (int) length;
  }

  /**
   * RFC 9110 §10.1.1: a client that sent Expect: 100-continue waits for it before sending the body.
   * Only an HTTP/1.1 client waits; a 1.0 client would not understand a 1xx.
   */
  private static void answerExpectation(RequestLine line, Headers headers, OutputStream out) throws IOException {
    boolean expectsContinue = headers.getOrDefault("Expect", List.of()).stream()
        .anyMatch(value -> value.equalsIgnoreCase("100-continue"));
    if (!expectsContinue || line.minorVersion() < 1) return;
    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static byte[] fixedLengthBody(ConnectionInput in, int byteCount) throws IOException, RejectedRequest {
    byte[] body = in.readNBytes(byteCount);
    if (body.length < byteCount) {
      throw badRequest("expected a body of " + byteCount + " bytes but the connection closed after " + body.length);
    }
    return body;
  }

  private static RejectedRequest badRequest(String message) {
    return new RejectedRequest(400, "Bad Request", message);
  }

  private static String printable(String text) {
    String shortened = text.length() > 60 ? text.substring(0, 60) + "..." : text;
    return shortened.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
