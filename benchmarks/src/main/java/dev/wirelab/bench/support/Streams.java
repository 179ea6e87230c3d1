package dev.wirelab.bench.support;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Blocking reads that benchmarks need and {@link InputStream} almost has. */
public final class Streams {
  private Streams() {}

  /**
   * Reads exactly {@code byteCount} bytes into the start of {@code buffer}, blocking until they have
   * all arrived. The end of the stream before that is an {@link EOFException}: a benchmark that
   * counted on bytes the peer never sent must fail, not report a short read as fast.
   */
  public static void readExactly(InputStream in, byte[] buffer, int byteCount) throws IOException {
    if (byteCount < 0 || byteCount > buffer.length) {
      throw new IllegalArgumentException(
          "expected byteCount in [0, " + buffer.length + "] but was " + byteCount);
    }
    int readCount = in.readNBytes(buffer, 0, byteCount);
    if (readCount != byteCount) {
      throw new EOFException("expected " + byteCount + " bytes but the stream ended after " + readCount);
    }
  }

  /**
   * Reads and drops exactly {@code byteCount} bytes, using {@code scratch} (any non-empty size) as room
   * to read into; for a reader that must consume a message bigger than the buffer it keeps.
   */
  public static void skipExactly(InputStream in, byte[] scratch, long byteCount) throws IOException {
    if (byteCount < 0) throw new IllegalArgumentException("byteCount < 0: " + byteCount);
    if (scratch.length == 0) throw new IllegalArgumentException("scratch is empty");
    long remaining = byteCount;
    while (remaining > 0) {
      int readCount = in.read(scratch, 0, (int) Math.min(scratch.length, remaining));
      if (readCount == -1) {
        throw new EOFException(
            "expected " + byteCount + " bytes but the stream ended after " + (byteCount - remaining));
      }
      remaining -= readCount;
    }
  }
}
