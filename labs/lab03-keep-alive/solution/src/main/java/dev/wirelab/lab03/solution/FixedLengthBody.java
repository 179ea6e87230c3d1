package dev.wirelab.lab03.solution;

import dev.wirelab.labs.common.RejectedRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body framed by {@code Content-Length: n} (RFC 9112 §6.2): exactly the next n bytes, however
 * many reads they take, and not one byte more: the byte after them starts the next request.
 */
public final class FixedLengthBody {
  private final InputStream in;
  private final byte[] body;
  private int bytesRead;

  /** {@code contentLength} must already be checked against the body limit. */
  public FixedLengthBody(InputStream in, int contentLength) {
    if (contentLength < 0) throw new IllegalArgumentException("contentLength < 0: " + contentLength);
    this.in = in;
    this.body = new byte[contentLength];
  }

  public byte[] readAll() throws IOException, RejectedRequest {
    while (bytesRead < body.length) {
      int byteCount = in.read(body, bytesRead, body.length - bytesRead);
      if (byteCount == -1) {
        throw new RejectedRequest(400, "Bad Request", "expected a body of " + body.length
            + " bytes (Content-Length) but the connection closed after " + bytesRead);
      }
      bytesRead += byteCount;
    }
    return body;
  }
}
