package dev.wirelab.http;

import java.util.List;

/**
 * What the parser made of one response: the parts it recognised, where each one starts in the
 * received stream, the violations it found, and where it stopped.
 *
 * @param statusLine null when no status line could be read
 * @param headers empty until the header section is complete
 * @param framing null until the header section is complete
 * @param declaredLength the Content-Length, or -1
 * @param bodyOffset where the body (or the first chunk's size line) starts, or -1
 * @param body the decoded body bytes (chunk data joined), as far as they arrived
 * @param endOffset one past the last byte of this message, or -1 while incomplete
 * @param headerCompleteNanos when the empty line ending the header section arrived, or -1
 * @param interimResponses how many 1xx interim responses came before this one (RFC 9110 §15.2)
 */
public record HttpResponse(
    StatusLine statusLine,
    Headers headers,
    Framing framing,
    long declaredLength,
    long bodyOffset,
    byte[] body,
    List<Chunk> chunks,
    Headers trailers,
    List<Violation> violations,
    boolean complete,
    long endOffset,
    long headerCompleteNanos,
    int interimResponses,
    String progress) {

  public boolean hasStatusLine() {
    return statusLine != null;
  }

  public int code() {
    return statusLine == null ? -1 : statusLine.code();
  }

  /** The header section ended; the framing may still have been invalid (see {@link #framing()}). */
  public boolean headersComplete() {
    return headerCompleteNanos >= 0;
  }

  public boolean isValid() {
    return complete && violations.isEmpty();
  }

  /** Data chunks only, without the last-chunk. */
  public List<Chunk> dataChunks() {
    return chunks.stream().filter(chunk -> !chunk.isLast()).toList();
  }

  /** The same response without its body and chunk records, for keeping in a report after the check. */
  public HttpResponse withoutBody() {
    return new HttpResponse(statusLine, headers, framing, declaredLength, bodyOffset, new byte[0], List.of(),
        trailers, violations, complete, endOffset, headerCompleteNanos, interimResponses, progress);
  }

  /** Where body byte {@code index} sits in the received stream, through chunk boundaries if chunked. */
  public long streamOffsetOfBodyByte(long index) {
    if (framing != Framing.CHUNKED) return bodyOffset + index;
    long before = 0;
    for (Chunk chunk : dataChunks()) {
      if (index < before + chunk.size()) return chunk.dataOffset() + (index - before);
      before += chunk.size();
    }
    return endOffset >= 0 ? endOffset : bodyOffset;
  }
}
