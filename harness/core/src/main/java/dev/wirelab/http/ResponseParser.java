package dev.wirelab.http;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An incremental, strict HTTP/1.1 response parser. Feed it bytes as they arrive, with their stream offset
 * and arrival time; it consumes exactly one response and leaves whatever follows (the next pipelined
 * response, or bytes a server should not have sent) unconsumed.
 *
 * <p>It never touches a socket: the same parser serves {@code inspect}, the checks and the tests, which
 * can feed it a byte vector whole or one byte at a time.
 *
 * <p>{@link ParseMode#STRICT} stops at the first syntax violation. {@link ParseMode#LENIENT} records it and
 * carries on where a tolerant recipient could. Violations of field semantics whose framing is still
 * well defined (Content-Length in a 204, Content-Length beside Transfer-Encoding) never stop parsing.
 *
 * <p>The parser itself only coordinates: a {@link HeadParser} reads the head, {@link MessageBodyLength}
 * decides the framing, and one {@link BodyReader} per framing reads the body. Every part reports
 * violations here, and this class alone decides whether parsing goes on.
 */
public final class ResponseParser {

  /** What the parser is doing now, in wire order. */
  enum State {
    READ_HEAD,
    READ_BODY,
    COMPLETE,
    FAILED
  }

  private final String requestMethod;
  private final String requestVersion;
  private final ParseMode mode;
  private State state = State.READ_HEAD;

  private final List<Violation> violations = new ArrayList<>();
  private final ViolationSink sink = this::report;
  private final SectionSizeLimit sectionSizeLimit = new SectionSizeLimit(sink);
  private final HeadParser head = new HeadParser(sink, sectionSizeLimit);
  private final ByteArrayOutputStream decodedBody = new ByteArrayOutputStream();
  private BodyReader body;

  private Framing framing;
  private long declaredLength = -1;
  private long bodyOffset = -1;
  private long headerCompleteNanos = -1;
  private long bytesSeen;
  private long endOffset = -1;

  public ResponseParser(String requestMethod, ParseMode mode) {
    this(requestMethod, "HTTP/1.1", mode);
  }

  /**
   * @param requestVersion the request's HTTP-version: an HTTP/1.0 request must not get
   *     Transfer-Encoding back (RFC 9112 §6.1), which only the request can tell
   */
  public ResponseParser(String requestMethod, String requestVersion, ParseMode mode) {
    this.requestMethod = requestMethod;
    this.requestVersion = requestVersion;
    this.mode = mode;
  }

  public ResponseParser(String requestMethod) {
    this(requestMethod, ParseMode.STRICT);
  }

  /**
   * Parses bytes {@code [from, to)} of {@code buffer}, whose first byte is at {@code streamOffset} of
   * the received stream and arrived {@code nanos} after the request was sent.
   *
   * @return how many bytes belonged to this response; fewer than offered once it is complete or failed
   */
  public int feed(byte[] buffer, int from, int to, long streamOffset, long nanos) {
    int position = from;
    while (position < to && !isDone()) {
      long offset = streamOffset + (position - from);
      if (state == State.READ_HEAD) {
        if (head.accept(buffer[position], offset, nanos)) startBody(offset + 1, nanos);
        position++;
      } else {
        position += body.read(buffer, position, to, offset, nanos);
        if (body.isComplete()) complete(streamOffset + (position - from));
      }
    }
    bytesSeen = Math.max(bytesSeen, streamOffset + (position - from));
    return position - from;
  }

  /** Convenience for tests: all of {@code bytes} at offset 0, time 0. */
  public int feed(byte[] bytes) {
    return feed(bytes, 0, bytes.length, 0, 0);
  }

  /**
   * The server closed the connection after {@code streamLength} bytes. Completes a close-delimited body;
   * anything else still in progress is an incomplete message (RFC 9112 §8).
   */
  public void endOfInput(long streamLength) {
    if (isDone()) return;
    if (state == State.READ_BODY && framing == Framing.CLOSE_DELIMITED) {
      complete(Math.max(streamLength, -1)); // a negative length leaves the end unknown
    } else if (state == State.READ_HEAD && head.awaitsStatusLine()) {
      sink.fail(new Violation(Rule.STATUS_LINE, "a status line such as \"HTTP/1.1 200 OK\\r\\n\"",
          "the connection closed before any byte of a response", streamLength));
    } else if (state == State.READ_HEAD && head.readsFieldLines()) {
      sink.fail(new Violation(Rule.HEADER_SECTION_END, "an empty line (\"\\r\\n\") ending the header section",
          "the connection closed after " + head.fieldCount() + " field lines", streamLength));
    } else {
      sink.fail(new Violation(Rule.INCOMPLETE_MESSAGE, "a complete response",
          "the connection closed with the response incomplete (" + progress() + ")", streamLength));
    }
  }

  public boolean isDone() {
    return state == State.COMPLETE || state == State.FAILED;
  }

  public boolean isComplete() {
    return state == State.COMPLETE;
  }

  public boolean isFailed() {
    return state == State.FAILED;
  }

  public List<Violation> violations() {
    return List.copyOf(violations);
  }

  public HttpResponse response() {
    return new HttpResponse(head.statusLine(), head.headers(), framing, declaredLength, bodyOffset,
        decodedBody.toByteArray(), body == null ? List.of() : List.copyOf(body.chunks()),
        body == null ? new Headers(List.of()) : body.trailers(), List.copyOf(violations),
        state == State.COMPLETE, endOffset, headerCompleteNanos, head.interimResponses(), progress());
  }

  /** Where the parser is, in words a student can act on. */
  public String progress() {
    return switch (state) {
      case READ_HEAD -> head.progress(bytesSeen != 0);
      case READ_BODY -> body.progress();
      case COMPLETE -> "complete: " + (body == null ? "no body" : body.describe()) + ", " + decodedBody.size()
          + " body bytes";
      case FAILED -> "stopped at a violation"
          + (violations.isEmpty() ? "" : " at byte " + violations.get(violations.size() - 1).offset());
    };
  }

  /** The head of the final response ended just before {@code bodyStart}: decide the framing, once. */
  private void startBody(long bodyStart, long nanos) {
    headerCompleteNanos = nanos;
    bodyOffset = bodyStart;
    Headers headers = head.headers();
    MessageBodyLength.Decision decision = MessageBodyLength.decide(requestMethod, head.statusLine(), headers);
    headers.field("Transfer-Encoding").filter(field -> requestVersion.equals("HTTP/1.0")).ifPresent(field ->
        violations.add(new Violation(Rule.TRANSFER_ENCODING_TO_HTTP10,
            "no Transfer-Encoding in a response to an HTTP/1.0 request", "\"" + field + "\"", field.offset())));
    if (decision.violation() != null && decision.fatal()) {
      sink.fail(decision.violation());
      return;
    }
    if (decision.violation() != null) violations.add(decision.violation());
    framing = decision.framing();
    if (framing == Framing.CONTENT_LENGTH) declaredLength = decision.contentLength();
    body = switch (framing) {
      case NONE -> null;
      case CHUNKED -> new ChunkedBody(sink, decodedBody, sectionSizeLimit);
      case CONTENT_LENGTH -> new FixedLengthBody(declaredLength, decodedBody);
      case CLOSE_DELIMITED -> new CloseDelimitedBody(decodedBody);
    };
    if (body == null || body.isComplete()) complete(bodyStart);
    else state = State.READ_BODY;
  }

  private void complete(long end) {
    state = State.COMPLETE;
    endOffset = end;
  }

  /** The one place a violation stops parsing: in strict mode always, in lenient mode when unrecoverable. */
  private boolean report(Violation violation, boolean recoverable) {
    violations.add(violation);
    if (mode == ParseMode.LENIENT && recoverable) return true;
    state = State.FAILED;
    return false;
  }
}
