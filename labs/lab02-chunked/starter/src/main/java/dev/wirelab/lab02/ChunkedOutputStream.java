package dev.wirelab.lab02;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Your chunked writer: what is written to it goes out in the chunked transfer coding (RFC 9112 §7.1).
 * For now it passes the bytes through raw, which is right only for a body that the close ends. The
 * bytes it should write, with the calls that make them:
 *
 * <pre>
 *   write("message 1\n")   a\r\nmessage 1\n\r\n          size in hex, CRLF, the data, CRLF
 *   write(new byte[0])                                 nothing at all
 *   finish(trailers)       0\r\n                         the last-chunk
 *                          X-Content-SHA256: 9f..\r\n    one line per trailer field (maybe none)
 *                          \r\n                          the final CRLF: the body ends here
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
    // TODO(lab02): each write is one chunk (RFC 9112 §7.1): chunk-size in HEXADECIMAL, CRLF, exactly
    //  chunk-size bytes of data, CRLF. "message 1\n" is 10 bytes, so "a\r\nmessage 1\n\r\n". The size
    //  counts bytes, not characters.
    // TODO(lab02): a zero-length write must write nothing: a chunk of size 0 IS the last-chunk, and
    //  would end the body right there (RFC 9112 §7.1).
    out.write(data, offset, byteCount);
  }

  // TODO(lab02): override flush() to call out.flush(). OutputStream's own flush() does nothing, so
  //  every chunk waits in the BufferedOutputStream below until the body ends, and /stream arrives all
  //  at once. A flush must pass through every buffer above the socket: yours and BufferedOutputStream's.
  //  Below the socket Java cannot flush; whether the kernel sends at once is Nagle's algorithm's call
  //  (see ChunkedServer.handle).

  /** Ends the body; {@code trailers} are the trailer fields to send after it, name to value. */
  public void finish(Map<String, String> trailers) throws IOException {
    // TODO(lab02): end the body (RFC 9112 §7.1): the last-chunk "0\r\n", then each trailer field as
    //  "Name: value\r\n" (RFC 9112 §7.1.2), then the final CRLF. Without the final CRLF the client
    //  waits for more trailer fields; anything after it belongs to no message.
    out.flush();
  }
}
