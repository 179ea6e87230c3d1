package dev.wirelab.lab04.solution.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A chunked body (RFC 9112 §7.1) with the JDK HttpServer's rule for where chunks end: everything written
 * since the last {@link #flush} is one chunk, and a chunk holds at most {@value #MAX_CHUNK_BYTES} bytes.
 *
 * <pre>
 *   write("hello"); flush()     5\r\nhello\r\n        one flush, one chunk, one write to the socket
 *   write("a"); write("b")      (nothing yet)        held: written but not flushed
 *   flush()                     2\r\nab\r\n           both writes in one chunk
 *   finish()                    0\r\n\r\n             the last-chunk and the empty trailer section
 * </pre>
 */
final class ChunkedResponseBody extends ResponseBody {
  static final int MAX_CHUNK_BYTES = 4096;
  private static final int SIZE_LINE_ROOM = 6; // "1000\r\n": four hex digits and CRLF

  private final OutputStream wire;
  // Room for the size line before the data and the CRLF after it: a chunk leaves in one write.
  private final byte[] chunk = new byte[SIZE_LINE_ROOM + MAX_CHUNK_BYTES + 2];
  private int dataBytes;

  ChunkedResponseBody(OutputStream wire) {
    this.wire = wire;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] data, int offset, int byteCount) throws IOException {
    Objects.checkFromIndexSize(offset, byteCount, data.length);
    while (byteCount > 0) {
      int copied = Math.min(byteCount, MAX_CHUNK_BYTES - dataBytes);
      System.arraycopy(data, offset, chunk, SIZE_LINE_ROOM + dataBytes, copied);
      dataBytes += copied;
      offset += copied;
      byteCount -= copied;
      if (dataBytes == MAX_CHUNK_BYTES) writeChunk();
    }
  }

  /** Sends what was written since the last flush as one chunk; nothing written, no chunk (size 0 would end the body). */
  @Override
  public void flush() throws IOException {
    if (dataBytes > 0) writeChunk();
    wire.flush();
  }

  @Override
  boolean finish() throws IOException {
    if (dataBytes > 0) writeChunk();
    wire.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    wire.flush();
    return true;
  }

  private void writeChunk() throws IOException {
    byte[] sizeLine = (Integer.toHexString(dataBytes) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    int start = SIZE_LINE_ROOM - sizeLine.length;
    System.arraycopy(sizeLine, 0, chunk, start, sizeLine.length);
    chunk[SIZE_LINE_ROOM + dataBytes] = '\r';
    chunk[SIZE_LINE_ROOM + dataBytes + 1] = '\n';
    wire.write(chunk, start, sizeLine.length + dataBytes + 2);
    dataBytes = 0;
  }
}
