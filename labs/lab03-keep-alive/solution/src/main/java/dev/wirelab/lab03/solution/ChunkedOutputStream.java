package dev.wirelab.lab03.solution;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Lab 02's chunked writer (RFC 9112 §7.1), without trailers: each non-empty write is one chunk, and
 * {@link #finish} ends the body.
 *
 * <pre>
 *   write("message 1\n")   a\r\nmessage 1\n\r\n     chunk-size in hex, CRLF, chunk-data, CRLF
 *   write(new byte[0])                            nothing: a chunk of size 0 is the last-chunk
 *   finish()               0\r\n\r\n                the last-chunk and the final CRLF
 * </pre>
 *
 * <p>On a persistent connection the last-chunk matters more than in Lab 02: the close no longer
 * rescues a client that missed the end, and the next response's bytes follow right after it.
 */
public class ChunkedOutputStream extends OutputStream {
  private static final String CRLF = "\r\n";

  private final OutputStream out;
  private boolean finished;

  public ChunkedOutputStream(OutputStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] data, int offset, int byteCount) throws IOException {
    Objects.checkFromIndexSize(offset, byteCount, data.length);
    if (finished) throw new IllegalStateException("write after the last-chunk");
    if (byteCount == 0) return; // A zero-size chunk IS the last-chunk (RFC 9112 §7.1).
    out.write(latin1(Integer.toHexString(byteCount) + CRLF));
    out.write(data, offset, byteCount);
    out.write(latin1(CRLF));
  }

  /** Sends every chunk written so far. */
  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** Ends the body: the last-chunk, no trailer fields, the final CRLF (RFC 9112 §7.1). */
  public void finish() throws IOException {
    if (finished) throw new IllegalStateException("body already finished");
    finished = true;
    out.write(latin1("0" + CRLF + CRLF));
    out.flush();
  }

  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
