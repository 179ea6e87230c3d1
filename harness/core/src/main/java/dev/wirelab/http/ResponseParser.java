package dev.wirelab.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
 */
public final class ResponseParser {
  static final int MAX_LINE_BYTES = 8 * 1024;
  static final int MAX_HEADER_SECTION_BYTES = 64 * 1024;
  /** Chunks recorded with offsets and times; later ones are decoded but not recorded one by one. */
  static final int MAX_CHUNK_RECORDS = 10_000;
  private static final byte[] HTTP_PREFIX = "HTTP/".getBytes(StandardCharsets.US_ASCII);

  /** What the parser is doing now, in wire order. */
  enum State {
    READ_STATUS_LINE,
    READ_FIELD_LINE,
    READ_FIXED_LENGTH_BODY,
    READ_CHUNK_SIZE,
    READ_CHUNK_DATA,
    READ_CHUNK_DATA_CR,
    READ_CHUNK_DATA_LF,
    READ_TRAILER_LINE,
    READ_UNTIL_CLOSE,
    COMPLETE,
    FAILED
  }

  private final String requestMethod;
  private final String requestVersion;
  private final ParseMode mode;
  private State state = State.READ_STATUS_LINE;

  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private long lineStartOffset = -1;
  private long lineStartNanos = -1;
  private long headerSectionBytes;

  private StatusLine statusLine;
  private final List<HeaderField> fields = new ArrayList<>();
  private final List<HeaderField> trailerFields = new ArrayList<>();
  private Framing framing;
  private long declaredLength = -1;
  private long bodyOffset = -1;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final List<Chunk> chunks = new ArrayList<>();
  private final List<Violation> violations = new ArrayList<>();
  private long headerCompleteNanos = -1;
  private int interimResponses;
  private long bytesSeen;
  private long endOffset = -1;

  private long bytesRemaining;
  private Chunk pendingChunk;
  private long pendingChunkLastNanos;

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
      switch (state) {
        case READ_FIXED_LENGTH_BODY, READ_UNTIL_CLOSE -> position += readBody(buffer, position, to, nanos);
        case READ_CHUNK_DATA -> position += readChunkData(buffer, position, to, offset, nanos);
        case READ_CHUNK_DATA_CR, READ_CHUNK_DATA_LF -> {
          readChunkDataEnd(buffer[position], offset, nanos);
          position++;
        }
        default -> {
          readLineByte(buffer[position], offset, nanos);
          position++;
        }
      }
      if (state == State.COMPLETE && endOffset < 0) endOffset = streamOffset + (position - from);
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
    if (state == State.READ_UNTIL_CLOSE) {
      complete(streamLength);
      return;
    }
    if (state == State.READ_STATUS_LINE && line.size() == 0 && lineStartOffset < 0) {
      fail(new Violation(Rule.STATUS_LINE, "a status line such as \"HTTP/1.1 200 OK\\r\\n\"",
          "the connection closed before any byte of a response", streamLength));
      return;
    }
    if (state == State.READ_FIELD_LINE) {
      fail(new Violation(Rule.HEADER_SECTION_END, "an empty line (\"\\r\\n\") ending the header section",
          "the connection closed after " + fields.size() + " field lines", streamLength));
      return;
    }
    fail(new Violation(Rule.INCOMPLETE_MESSAGE, "a complete response",
        "the connection closed with the response incomplete (" + progress() + ")", streamLength));
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
    return new HttpResponse(statusLine, new Headers(fields), framing, declaredLength, bodyOffset,
        body.toByteArray(), List.copyOf(chunks), new Headers(trailerFields), List.copyOf(violations),
        state == State.COMPLETE, endOffset, headerCompleteNanos, interimResponses, progress());
  }

  /** Where the parser is, in words a student can act on. */
  public String progress() {
    return switch (state) {
      case READ_STATUS_LINE -> bytesSeen == 0 ? "no bytes received" : "status line incomplete";
      case READ_FIELD_LINE -> "status line read, header section incomplete after " + fields.size() + " fields";
      case READ_FIXED_LENGTH_BODY -> "headers complete, Content-Length " + declaredLength + ", "
          + body.size() + " body bytes received";
      case READ_CHUNK_SIZE, READ_CHUNK_DATA, READ_CHUNK_DATA_CR, READ_CHUNK_DATA_LF -> "headers complete, chunked, "
          + dataChunkCount() + " chunks (" + body.size() + " bytes) received, "
          + (state == State.READ_CHUNK_SIZE ? "waiting for a chunk size line" : "inside a chunk");
      case READ_TRAILER_LINE -> "headers complete, chunked, last-chunk received, trailer section incomplete";
      case READ_UNTIL_CLOSE -> "headers complete, no Content-Length or chunked, so the body runs until the"
          + " server closes; " + body.size() + " body bytes received";
      case COMPLETE -> "complete: " + describeFraming() + ", " + body.size() + " body bytes";
      case FAILED -> "stopped at a violation"
          + (violations.isEmpty() ? "" : " at byte " + violations.get(violations.size() - 1).offset());
    };
  }

  private String describeFraming() {
    if (framing == null) return "no framing";
    return switch (framing) {
      case NONE -> "no body";
      case CHUNKED -> "chunked, " + dataChunkCount() + " chunks";
      case CONTENT_LENGTH -> "Content-Length " + declaredLength;
      case CLOSE_DELIMITED -> "close-delimited";
    };
  }

  private long dataChunkCount() {
    return chunks.stream().filter(chunk -> !chunk.isLast()).count();
  }

  private void readLineByte(byte b, long offset, long nanos) {
    if (lineStartOffset < 0) {
      lineStartOffset = offset;
      lineStartNanos = nanos;
    }
    if (state == State.READ_STATUS_LINE || state == State.READ_FIELD_LINE || state == State.READ_TRAILER_LINE) {
      if (++headerSectionBytes > MAX_HEADER_SECTION_BYTES) {
        String section = state == State.READ_TRAILER_LINE ? "trailer section" : "header section";
        fail(new Violation(Rule.HEADER_TOO_LARGE, "a " + section + " of at most " + MAX_HEADER_SECTION_BYTES
            + " bytes", "a longer one, still going at byte " + offset, offset));
        return;
      }
    }
    if (b != '\n') {
      if (!couldStillBeValid(b, offset)) return;
      if (line.size() >= MAX_LINE_BYTES) {
        fail(new Violation(Rule.HEADER_TOO_LARGE, "a line of at most " + MAX_LINE_BYTES + " bytes",
            "a line still going after " + line.size() + " bytes: " + quote(new String(line.toByteArray(), 0,
                Math.min(line.size(), 40), StandardCharsets.ISO_8859_1)), lineStartOffset));
        return;
      }
      line.write(b);
      return;
    }
    byte[] bytes = line.toByteArray();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    } else if (!violation(new Violation(Rule.LINE_ENDING, "\"\\r\\n\"", "a bare \"\\n\"", offset), true)) {
      return;
    }
    for (int i = 0; i < length; i++) {
      if (bytes[i] == '\r'
          && !violation(new Violation(Rule.LINE_ENDING, "\"\\r\" only before \"\\n\"", "a bare \"\\r\"",
              lineStartOffset + i), true)) {
        return;
      }
    }
    String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    long start = lineStartOffset;
    long startNanos = lineStartNanos;
    line.reset();
    lineStartOffset = -1;
    switch (state) {
      case READ_STATUS_LINE -> onStatusLine(text, start);
      case READ_FIELD_LINE -> onFieldLine(text, start, offset + 1, fields, nanos);
      case READ_CHUNK_SIZE -> onChunkSizeLine(text, start, startNanos, offset + 1);
      case READ_TRAILER_LINE -> onFieldLine(text, start, offset + 1, trailerFields, nanos);
      default -> throw new IllegalStateException("not reading a line in " + state);
    }
  }

  /**
   * Rejects a status line or chunk-size line as soon as its first bytes rule it out, instead of waiting
   * for a line ending that may never come: random bytes, a TLS alert, or a server that keeps the
   * connection open after sending garbage get their verdict at the first wrong byte.
   */
  private boolean couldStillBeValid(byte b, long offset) {
    int position = line.size();
    // Case-insensitive here so that "http/1.1" reaches the HTTP_VERSION rule with its own message.
    if (state == State.READ_STATUS_LINE && position < HTTP_PREFIX.length
        && Character.toUpperCase(b) != HTTP_PREFIX[position]) {
      String seen = quote(new String(line.toByteArray(), StandardCharsets.ISO_8859_1) + (char) (b & 0xff));
      fail(new Violation(Rule.STATUS_LINE, "a status line starting with \"HTTP/\"", seen + "…", offset));
      return false;
    }
    if (state == State.READ_CHUNK_SIZE && position == 0 && Character.digit(b, 16) < 0 && b != '\r') {
      fail(new Violation(Rule.CHUNK_SIZE, "a chunk size in hexadecimal",
          quote(String.valueOf((char) (b & 0xff))) + "…", offset));
      return false;
    }
    return true;
  }

  private void onStatusLine(String text, long offset) {
    int firstSpace = text.indexOf(' ');
    String version = firstSpace < 0 ? text : text.substring(0, firstSpace);
    if (!version.matches("HTTP/[0-9]\\.[0-9]")) {
      String expected = version.startsWith("HTTP/") || version.startsWith("http/")
          ? "HTTP-version \"HTTP/1.1\" (case-sensitive)" : "a status line such as \"HTTP/1.1 200 OK\"";
      fail(new Violation(version.startsWith("HTTP/") || version.startsWith("http/")
          ? Rule.HTTP_VERSION : Rule.STATUS_LINE, expected, quote(text), offset));
      return;
    }
    String rest = text.substring(firstSpace + 1);
    // (?s): Java's "." stops at \u0085, which here is the obs-text byte 0x85, a legal reason byte.
    if (!rest.matches("(?s)[0-9]{3}( .*)?")) {
      fail(new Violation(Rule.STATUS_LINE, "SP, a three-digit status code, SP, an optional reason",
          quote(text), offset + firstSpace + 1));
      return;
    }
    int code = Integer.parseInt(rest.substring(0, 3));
    String reason = rest.length() > 4 ? rest.substring(4) : "";
    // reason-phrase = 1*( HTAB / SP / VCHAR / obs-text ): no control characters.
    for (int i = 0; i < reason.length(); i++) {
      char c = reason.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        if (!violation(new Violation(Rule.STATUS_LINE, "a reason phrase of visible characters",
            quote(reason), offset + firstSpace + 5 + i), true)) {
          return;
        }
        break;
      }
    }
    statusLine = new StatusLine(version, code, reason, offset);
    // RFC 9112 §4: the SP before an empty reason phrase is still required.
    if (rest.length() == 3
        && !violation(new Violation(Rule.STATUS_LINE, "SP after the status code, even with no reason",
            "end of line", offset + text.length()), true)) {
      return;
    }
    state = State.READ_FIELD_LINE;
  }

  /** {@code end} is one past the line's LF: the empty line is CRLF, or a bare LF when lenient. */
  private void onFieldLine(String text, long offset, long end, List<HeaderField> target, long nanos) {
    boolean trailer = target == trailerFields;
    if (text.isEmpty()) {
      if (trailer) complete(-1);
      else onHeaderSectionEnd(end, nanos);
      return;
    }
    if (text.charAt(0) == ' ' || text.charAt(0) == '\t') {
      if (!violation(new Violation(Rule.OBSOLETE_LINE_FOLDING, "a field line starting with a field name",
          "a line starting with whitespace (obs-fold)", offset), true)) {
        return;
      }
      if (!target.isEmpty()) {
        HeaderField previous = target.remove(target.size() - 1);
        target.add(new HeaderField(previous.name(), previous.value() + " " + stripOws(text), previous.offset()));
      }
      return;
    }
    int colon = text.indexOf(':');
    Rule syntax = trailer ? Rule.TRAILER_SECTION : Rule.FIELD_SYNTAX;
    if (colon <= 0) {
      String expected = trailer ? "a trailer field line \"name: value\" or the final empty line"
          : "a field line \"name: value\" or the empty line that ends the header section";
      violation(new Violation(syntax, expected, quote(text), offset), true);
      return; // lenient: skip the line
    }
    String name = text.substring(0, colon);
    if (name.endsWith(" ") || name.endsWith("\t")) {
      if (!violation(new Violation(Rule.FIELD_NAME_WHITESPACE, "\":\" right after the field name",
          "whitespace before the colon", offset + stripOws(name).length()), true)) {
        return;
      }
      name = stripOws(name);
    }
    if (!isToken(name)) {
      violation(new Violation(syntax, "a field name made of token characters", quote(name), offset), true);
      return;
    }
    String value = stripOws(text.substring(colon + 1));
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        violation(new Violation(syntax, "visible characters in the field value", quote(value),
            offset + text.indexOf(value) + i), true);
        return;
      }
    }
    target.add(new HeaderField(name, value, offset));
  }

  private void onHeaderSectionEnd(long bodyStart, long nanos) {
    headerCompleteNanos = nanos;
    bodyOffset = bodyStart;
    if (statusLine.isInformational() && statusLine.code() != 101) {
      startOverAfterInterimResponse();
      return;
    }
    Headers headers = new Headers(fields);
    MessageBodyLength.Decision decision = MessageBodyLength.decide(requestMethod, statusLine, headers);
    headers.field("Transfer-Encoding").filter(field -> requestVersion.equals("HTTP/1.0")).ifPresent(field ->
        violations.add(new Violation(Rule.TRANSFER_ENCODING_TO_HTTP10,
            "no Transfer-Encoding in a response to an HTTP/1.0 request", "\"" + field + "\"", field.offset())));
    if (decision.violation() != null) {
      violations.add(decision.violation());
      if (decision.fatal()) {
        state = State.FAILED;
        return;
      }
    }
    framing = decision.framing();
    switch (framing) {
      case NONE -> complete(-1);
      case CHUNKED -> state = State.READ_CHUNK_SIZE;
      case CONTENT_LENGTH -> {
        declaredLength = decision.contentLength();
        bytesRemaining = declaredLength;
        if (bytesRemaining == 0) complete(-1);
        else state = State.READ_FIXED_LENGTH_BODY;
      }
      case CLOSE_DELIMITED -> state = State.READ_UNTIL_CLOSE;
    }
  }

  private int readBody(byte[] buffer, int from, int to, long nanos) {
    int count = to - from;
    if (state == State.READ_FIXED_LENGTH_BODY) count = (int) Math.min(count, bytesRemaining);
    body.write(buffer, from, count);
    if (state == State.READ_FIXED_LENGTH_BODY) {
      bytesRemaining -= count;
      if (bytesRemaining == 0) complete(-1);
    }
    return count;
  }

  private void onChunkSizeLine(String text, long offset, long firstByteNanos, long dataOffset) {
    int digits = 0;
    while (digits < text.length() && Character.digit(text.charAt(digits), 16) >= 0) digits++;
    int leadingZeros = 0;
    while (leadingZeros < digits - 1 && text.charAt(leadingZeros) == '0') leadingZeros++;
    if (digits == 0 || digits - leadingZeros > 15) {
      fail(new Violation(Rule.CHUNK_SIZE, digits == 0 ? "a chunk size in hexadecimal"
          : "a chunk size the harness can count (at most 15 significant hex digits)", quote(text), offset));
      return;
    }
    String extensions = text.substring(digits);
    if (!extensions.isEmpty() && !extensions.stripLeading().startsWith(";")) {
      fail(new Violation(Rule.CHUNK_SIZE, "hex digits, then \";\" extensions or CRLF", quote(text),
          offset + digits));
      return;
    }
    if (!extensions.isEmpty() && !validExtensions(extensions)
        && !violation(new Violation(Rule.CHUNK_EXTENSION, "chunk extensions \";name[=value]\"",
            quote(extensions), offset + digits), true)) {
      return;
    }
    long size = Long.parseLong(text.substring(leadingZeros, digits), 16);
    Chunk chunk = new Chunk(offset, text, size, extensions.strip(), dataOffset, firstByteNanos, firstByteNanos);
    if (size == 0) {
      chunks.add(chunk); // the last-chunk is always kept
      state = State.READ_TRAILER_LINE;
      return;
    }
    pendingChunk = chunk;
    bytesRemaining = size;
    state = State.READ_CHUNK_DATA;
  }

  private int readChunkData(byte[] buffer, int from, int to, long offset, long nanos) {
    int count = (int) Math.min(to - from, bytesRemaining);
    body.write(buffer, from, count);
    bytesRemaining -= count;
    pendingChunkLastNanos = nanos;
    if (bytesRemaining == 0) state = State.READ_CHUNK_DATA_CR;
    return count;
  }

  private void readChunkDataEnd(byte b, long offset, long nanos) {
    if (state == State.READ_CHUNK_DATA_CR) {
      if (b == '\r') {
        state = State.READ_CHUNK_DATA_LF;
        return;
      }
      boolean bareLf = b == '\n';
      String expected = "\"\\r\\n\" right after the " + pendingChunk.size() + " bytes of chunk data";
      if (!violation(new Violation(Rule.CHUNK_DATA_END, expected,
          bareLf ? "a bare \"\\n\"" : "more data: the chunk is longer than its size line says", offset), bareLf)) {
        return;
      }
      finishChunk();
      return;
    }
    if (b != '\n') {
      fail(new Violation(Rule.CHUNK_DATA_END, "\"\\n\" after \"\\r\" ending the chunk data",
          quote(String.valueOf((char) (b & 0xff))), offset));
      return;
    }
    finishChunk();
  }

  private void finishChunk() {
    if (chunks.size() >= MAX_CHUNK_RECORDS) {
      pendingChunk = null;
      state = State.READ_CHUNK_SIZE;
      return; // decoded into the body as usual; only its record is dropped
    }
    chunks.add(new Chunk(pendingChunk.sizeLineOffset(), pendingChunk.sizeLine(), pendingChunk.size(),
        pendingChunk.extensions(), pendingChunk.dataOffset(), pendingChunk.firstByteNanos(),
        pendingChunkLastNanos));
    pendingChunk = null;
    state = State.READ_CHUNK_SIZE;
  }

  /**
   * A 1xx other than 101 is an interim response: the final one follows on the same connection, and a
   * client must read past it (RFC 9110 §15.2). Only how many there were is kept.
   */
  private void startOverAfterInterimResponse() {
    interimResponses++;
    statusLine = null;
    fields.clear();
    headerSectionBytes = 0;
    headerCompleteNanos = -1;
    bodyOffset = -1;
    state = State.READ_STATUS_LINE;
  }

  private void complete(long streamLength) {
    state = State.COMPLETE;
    if (streamLength >= 0) endOffset = streamLength;
  }

  private void fail(Violation violation) {
    violations.add(violation);
    state = State.FAILED;
  }

  /**
   * Records a violation. Returns true if parsing goes on: in lenient mode when the rule lets a
   * recipient recover, never in strict mode.
   */
  private boolean violation(Violation violation, boolean recoverable) {
    violations.add(violation);
    if (mode == ParseMode.LENIENT && recoverable) return true;
    state = State.FAILED;
    return false;
  }

  private static boolean validExtensions(String extensions) {
    // chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ), RFC 9112 §7.1.1
    return extensions.matches("([ \\t]*;[ \\t]*[!#$%&'*+.^_`|~0-9A-Za-z-]+"
        + "([ \\t]*=[ \\t]*([!#$%&'*+.^_`|~0-9A-Za-z-]+|\"([^\"\\\\]|\\\\.)*\"))?)*[ \\t]*");
  }

  // OWS is SP and HTAB only (RFC 9110 §5.6.3); String.strip() would also drop \x0B, \x0C and \x1C-\x1F.
  private static String stripOws(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) start++;
    while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) end--;
    return text.substring(start, end);
  }

  private static boolean isToken(String text) {
    return text.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  }

  private static String quote(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    String escaped = dev.wirelab.wire.Escaping.escape(bytes);
    if (escaped.length() > 80) escaped = escaped.substring(0, 80) + "…";
    return "\"" + escaped + "\"";
  }
}
