package dev.wirelab.lab03.solution;

import dev.wirelab.labs.common.RejectedRequest;
import dev.wirelab.labs.common.RequestHead;
import dev.wirelab.labs.common.RequestLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one whole request, head and body, from a connection's stream, and leaves the stream exactly at
 * the first byte of the next request. On a persistent connection that is the whole point: a body left
 * unread is parsed as the next request (RFC 9112 §9.3), a body read too far eats the next one.
 *
 * <p>Anything that makes the end of the request uncertain is a {@link RejectedRequest}; the server
 * answers it and closes. Each rule is one protected method, which Lab 03's mutants override.
 */
public class RequestReader {
  public static final int MAX_HEAD_BYTES = 8 * 1024;
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  // RFC 9112 §5.1: field-name ":" OWS field-value OWS; a field-name is a token (RFC 9110 §5.6.2), so no
  // whitespace before the colon. A value is visible ASCII, obs-text, SP and HTAB (RFC 9110 §5.5).
  private static final Pattern FIELD_LINE =
      Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+:[\\t\\x20-\\x7E\\x80-\\xFF]*");
  private static final Pattern DECIMAL_DIGITS = Pattern.compile("[0-9]{1,18}"); // 18 digits fit a long.

  /**
   * The next request, or empty when the client closed before sending a byte of it. {@code out} is for
   * the one thing a server may send before the request is whole: 100 Continue.
   */
  public Optional<Request> read(InputStream in, OutputStream out) throws IOException, RejectedRequest {
    skipEmptyLines(in);
    Optional<String> head = readHead(in);
    if (head.isEmpty()) return Optional.empty();
    RequestLine line = RequestLine.parse(RequestHead.firstLine(head.get()));
    checkFieldLines(head.get(), line);
    Request request = new Request(line, head.get(), new byte[0]);
    Framing framing = bodyFraming(request);
    if (framing == Framing.CONTENT_LENGTH) contentLength(request); // a 413 is known before any 100
    answerExpectation(request, framing, out);
    try {
      return Optional.of(request.withBody(readBody(in, request, framing)));
    } catch (SocketTimeoutException e) {
      throw new RejectedRequest(408, "Request Timeout", "expected the rest of the body but it did not come in time");
    }
  }

  /**
   * RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request line; a client may
   * send a CRLF after a POST body. A few are skipped; more than that is not a request.
   */
  protected void skipEmptyLines(InputStream in) throws IOException {
    for (int skipped = 0; skipped < 4; skipped++) {
      in.mark(2);
      if (in.read() != '\r' || in.read() != '\n') {
        in.reset();
        return;
      }
    }
  }

  /**
   * RFC 9110 §10.1.1: a client that sends Expect: 100-continue waits before sending the body; an origin
   * server MUST then answer at once, with 100 (Continue) or a final status. Only an HTTP/1.1 client with
   * a body to send waits (a 1.0 client would not understand a 1xx).
   */
  protected void answerExpectation(Request request, Framing framing, OutputStream out) throws IOException {
    if (framing == Framing.NONE || request.line().minorVersion() < 1) return;
    boolean expectsContinue = request.fieldValues("Expect").stream()
        .anyMatch(value -> value.equalsIgnoreCase("100-continue"));
    if (!expectsContinue) return;
    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Until CRLF CRLF, however many reads that takes, and not one byte further; see {@link RequestHead}. */
  protected Optional<String> readHead(InputStream in) throws IOException, RejectedRequest {
    return RequestHead.read(in, maxHeadBytes());
  }

  /** A cap on the head, so that a client cannot make the server buffer forever (431, RFC 6585 §5). */
  protected int maxHeadBytes() {
    return MAX_HEAD_BYTES;
  }

  /**
   * RFC 9112 §5.1 and §3.2: every line after the request line is {@code name: value}; a line without a
   * colon, or with whitespace before it (also an obs-fold line, RFC 9112 §5.2), is a 400. So is an
   * HTTP/1.1 request without Host, or any request with more than one.
   */
  protected void checkFieldLines(String head, RequestLine line) throws RejectedRequest {
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      if (!FIELD_LINE.matcher(lines[i]).matches()) {
        throw badRequest("expected a field line name: value but was \"" + printable(lines[i]) + "\"");
      }
    }
    int hostCount = RequestHead.fieldValues(head, "Host").size();
    if (hostCount > 1) throw badRequest("expected one Host field but was " + hostCount);
    if (hostCount == 0 && line.minorVersion() >= 1) throw badRequest("expected a Host field in an HTTP/1.1 request");
  }

  /**
   * Where this request's body ends, decided once, in the order of RFC 9112 §6.3 (rules 3 to 7; rules 1
   * and 2 are about responses).
   */
  protected Framing bodyFraming(Request request) throws RejectedRequest {
    boolean transferEncoding = request.hasField("Transfer-Encoding");
    boolean contentLength = request.hasField("Content-Length");
    if (transferEncoding && contentLength) return framingOfBoth(request); // Rule 3.
    if (transferEncoding) { // Rule 4.
      checkTransferCodings(request);
      return Framing.CHUNKED;
    }
    if (contentLength) { // Rules 5 and 6.
      contentLength(request);
      return Framing.CONTENT_LENGTH;
    }
    return Framing.NONE; // Rule 7: no body; the next byte starts the next request.
  }

  /**
   * Rule 3: both fields is how request smuggling looks (RFC 9112 §11.2): two servers that pick
   * different ones see different requests. RFC 9112 §6.1 lets a server reject it; this lab does.
   */
  protected Framing framingOfBoth(Request request) throws RejectedRequest {
    throw badRequest("expected Transfer-Encoding or Content-Length but was both");
  }

  /** Rule 4: the final coding must be chunked; others before it are ones this server cannot undo. */
  protected void checkTransferCodings(Request request) throws RejectedRequest {
    List<String> codings = new ArrayList<>();
    for (String value : request.fieldValues("Transfer-Encoding")) {
      for (String member : value.split(",")) {
        String coding = member.strip().toLowerCase(Locale.ROOT);
        if (!coding.isEmpty()) codings.add(coding); // RFC 9110 §5.6.1: empty list members are ignored.
      }
    }
    if (codings.isEmpty() || !codings.get(codings.size() - 1).equals("chunked")) {
      throw badRequest("expected a Transfer-Encoding whose final coding is chunked but was " + codings);
    }
    if (codings.size() > 1) { // RFC 9112 §6.1: 501 for codings it does not know, 400 for chunked twice.
      if (codings.indexOf("chunked") < codings.size() - 1) {
        throw badRequest("expected chunked once, last, but was " + codings);
      }
      throw new RejectedRequest(501, "Not Implemented", "expected only the chunked coding but was " + codings);
    }
  }

  /**
   * Rule 5: Content-Length is decimal digits; several lines or a list must all say the same number
   * (RFC 9110 §8.6). Anything else, and anything over the body limit (413), is refused.
   */
  protected int contentLength(Request request) throws RejectedRequest {
    long length = -1;
    for (String value : request.fieldValues("Content-Length")) {
      for (String member : value.split(",", -1)) {
        String digits = member.strip();
        if (!DECIMAL_DIGITS.matcher(digits).matches()) {
          throw badRequest("expected Content-Length as decimal digits but was \"" + printable(value) + "\"");
        }
        long parsed = Long.parseLong(digits);
        if (length != -1 && parsed != length) {
          throw badRequest("expected one Content-Length but was " + length + " and " + parsed);
        }
        length = parsed;
      }
    }
    if (length > MAX_BODY_BYTES) {
      throw new RejectedRequest(413, "Content Too Large",
          "expected a body of at most " + MAX_BODY_BYTES + " bytes but Content-Length was " + length);
    }
    return (int) length;
  }

  /** The whole body, read as {@code framing} says: always all of it, whoever needs it. */
  protected byte[] readBody(InputStream in, Request request, Framing framing) throws IOException, RejectedRequest {
    return switch (framing) {
      case CHUNKED -> chunkedBody(in).readAll();
      case CONTENT_LENGTH -> new FixedLengthBody(in, contentLength(request)).readAll();
      case NONE -> new byte[0];
      case CLOSE_DELIMITED -> throw new IllegalArgumentException("a request body is never delimited by the close");
    };
  }

  /** The chunked decoder; see {@link ChunkedBody}. */
  protected ChunkedBody chunkedBody(InputStream in) {
    return new ChunkedBody(in, MAX_BODY_BYTES);
  }

  private static RejectedRequest badRequest(String message) {
    return new RejectedRequest(400, "Bad Request", message);
  }

  private static String printable(String line) {
    String shortened = line.length() > 60 ? line.substring(0, 60) + "..." : line;
    return shortened.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
