package dev.wirelab.http;

import java.io.ByteArrayOutputStream;

/**
 * Reads a body that runs until the server closes the connection (RFC 9112 §6.3 rule 8): every byte
 * offered belongs to it, and only {@link ResponseParser#endOfInput} can end it.
 */
final class CloseDelimitedBody implements BodyReader {
  private final ByteArrayOutputStream body;

  CloseDelimitedBody(ByteArrayOutputStream body) {
    this.body = body;
  }

  @Override
  public int read(byte[] buffer, int from, int to, long streamOffset, long nanos) {
    body.write(buffer, from, to - from);
    return to - from;
  }

  @Override
  public boolean isComplete() {
    return false;
  }

  @Override
  public String progress() {
    return "headers complete, no Content-Length or chunked, so the body runs until the server closes; "
        + body.size() + " body bytes received";
  }

  @Override
  public String describe() {
    return "close-delimited";
  }
}
