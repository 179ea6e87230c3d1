package dev.wirelab.http;

import java.io.ByteArrayOutputStream;

/**
 * Reads a body of exactly Content-Length bytes (RFC 9112 §6.3 rule 6): after {@code "Content-Length: 5"}
 * the bytes {@code "helloHTTP/1.1 …"} give the body {@code "hello"} and leave the rest for the next
 * response.
 */
final class FixedLengthBody implements BodyReader {
  private final long contentLength;
  private final ByteArrayOutputStream body;
  private long bytesRemaining;

  FixedLengthBody(long contentLength, ByteArrayOutputStream body) {
    if (contentLength < 0) throw new IllegalArgumentException("contentLength < 0: " + contentLength);
    this.contentLength = contentLength;
    this.body = body;
    this.bytesRemaining = contentLength;
  }

  @Override
  public int read(byte[] buffer, int from, int to, long streamOffset, long nanos) {
    int byteCount = (int) Math.min(to - from, bytesRemaining);
    body.write(buffer, from, byteCount);
    bytesRemaining -= byteCount;
    return byteCount;
  }

  @Override
  public boolean isComplete() {
    return bytesRemaining == 0;
  }

  @Override
  public String progress() {
    return "headers complete, Content-Length " + contentLength + ", " + body.size() + " body bytes received";
  }

  @Override
  public String describe() {
    return "Content-Length " + contentLength;
  }
}
