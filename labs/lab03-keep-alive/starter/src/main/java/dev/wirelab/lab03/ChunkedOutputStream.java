package dev.wirelab.lab03;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lab 02's chunked writer, done (RFC 9112 §7.1): each non-empty write is one chunk, {@link #finish}
 * writes the last-chunk and the final CRLF.
 *
 * <pre>
 *   write("message 1\n")   a\r\nmessage 1\n\r\n     size in hex, CRLF, the data, CRLF
 *   write(new byte[0])                            nothing at all
 *   finish()               0\r\n\r\n                the last-chunk and the final CRLF
 * </pre>
 */
public class ChunkedOutputStream extends OutputStream {
  private final OutputStream out;

  public ChunkedOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] data, int offset, int byteCount) throws IOException {
    if (byteCount == 0) return; // A chunk of size 0 is the last-chunk: it would end the body here.
    out.write((Integer.toHexString(byteCount) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(data, offset, byteCount);
    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  public void finish() throws IOException {
    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }
}
