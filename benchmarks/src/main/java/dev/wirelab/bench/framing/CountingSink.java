package dev.wirelab.bench.framing;

import java.io.OutputStream;

/** A wire that keeps nothing: it counts the bytes and the write calls that reach it. */
final class CountingSink extends OutputStream {
  long byteCount;
  long writeCount;

  @Override
  public void write(int b) {
    byteCount++;
    writeCount++;
  }

  @Override
  public void write(byte[] data, int offset, int length) {
    byteCount += length;
    writeCount++;
  }
}
