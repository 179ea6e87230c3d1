package dev.wirelab.lab04.solution.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/** A body of exactly the {@code Content-Length} the head announced: no byte more, and fewer ends the connection. */
final class FixedLengthResponseBody extends ResponseBody {
  private final OutputStream wire;
  private final long length;
  private long bytesRemaining;

  FixedLengthResponseBody(OutputStream wire, long length) {
    this.wire = wire;
    this.length = length;
    this.bytesRemaining = length;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] data, int offset, int byteCount) throws IOException {
    Objects.checkFromIndexSize(offset, byteCount, data.length);
    if (byteCount > bytesRemaining) {
      throw new IOException("expected a body of " + length + " bytes but the handler wrote "
          + (length - bytesRemaining + byteCount));
    }
    wire.write(data, offset, byteCount);
    bytesRemaining -= byteCount;
  }

  @Override
  public void flush() throws IOException {
    wire.flush();
  }

  /** A body cut short leaves the client waiting for bytes that never come: only the close ends that. */
  @Override
  boolean finish() throws IOException {
    wire.flush();
    return bytesRemaining == 0;
  }
}
