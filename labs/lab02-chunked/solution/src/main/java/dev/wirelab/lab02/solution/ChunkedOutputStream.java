package dev.wirelab.lab02.solution;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Writes a body in the chunked transfer coding (RFC 9112 §7.1), for a response whose length is not
 * known when its header section goes out. Each non-empty write is one chunk; {@link #finish} ends the
 * body. The bytes, with the writes that make them:
 *
 * <pre>
 *   write("message 1\n")   a\r\n                      chunk-size in hex, CRLF
 *                          message 1\n\r\n            chunk-data (exactly chunk-size bytes), CRLF
 *   write(new byte[0])                                nothing: a chunk of size 0 is the last-chunk
 *   write(8192 bytes)      2000\r\n                   8192 is 0x2000
 *                          ...8192 bytes...\r\n
 *   finish(trailers)       0\r\n                      last-chunk
 *                          X-Content-SHA256: 9f..\r\n trailer section: zero or more field lines
 *                          \r\n                       final CRLF: the body ends here, and only here
 * </pre>
 *
 * <p>{@link #flush} flushes the underlying stream, so every chunk written so far leaves now.
 * {@link #close} finishes the body without trailers and leaves the underlying stream open: the
 * connection outlives the body.
 *
 * <p>The protected methods are the seams Lab 02's mutants override, one layout rule each.
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

  /** Writes {@code byteCount} bytes as one chunk, or nothing at all when {@code byteCount} is 0. */
  @Override
  public void write(byte[] data, int offset, int byteCount) throws IOException {
    Objects.checkFromIndexSize(offset, byteCount, data.length);
    if (finished) throw new IllegalStateException("write after the last-chunk");
    // A zero-size chunk IS the last-chunk (RFC 9112 §7.1): writing one here would end the body early.
    if (byteCount == 0) return;
    writeChunk(data, offset, byteCount);
  }

  /** chunk = chunk-size CRLF chunk-data CRLF (RFC 9112 §7.1), with no chunk extensions. */
  protected void writeChunk(byte[] data, int offset, int byteCount) throws IOException {
    out.write(latin1(formatChunkSize(chunkSize(data, offset, byteCount)) + CRLF));
    out.write(data, offset, byteCount);
    out.write(latin1(afterChunkData()));
  }

  /** RFC 9112 §7.1: chunk-size counts the octets of chunk-data: bytes, not characters. */
  protected int chunkSize(byte[] data, int offset, int byteCount) {
    return byteCount;
  }

  /** RFC 9112 §7.1: chunk-size is 1*HEXDIG; lowercase is as valid as uppercase. */
  protected String formatChunkSize(int chunkSize) {
    return Integer.toHexString(chunkSize);
  }

  /** RFC 9112 §7.1: chunk-data is followed by CRLF, which is not part of the data or its size. */
  protected String afterChunkData() {
    return CRLF;
  }

  /** RFC 9112 §7.1: last-chunk = 1*("0") [ chunk-ext ] CRLF. */
  protected String lastChunk() {
    return "0" + CRLF;
  }

  /** RFC 9112 §7.1: the CRLF after the trailer section; the chunked body ends right after it. */
  protected String finalCrlf() {
    return CRLF;
  }

  /** Sends every chunk written so far: nothing of this stream stays behind in a buffer. */
  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /**
   * Ends the body: the last-chunk, the trailer fields (RFC 9112 §7.1.2; announce them in a Trailer
   * header field, RFC 9110 §6.6.2), the final CRLF; then flushes the underlying stream.
   */
  public void finish(List<Field> trailers) throws IOException {
    if (finished) throw new IllegalStateException("body already finished");
    finished = true;
    StringBuilder end = new StringBuilder(lastChunk());
    for (Field trailer : trailers) {
      end.append(trailer.name()).append(": ").append(trailer.value()).append(CRLF);
    }
    end.append(finalCrlf());
    out.write(latin1(end.toString()));
    out.flush();
  }

  /** Finishes the body without trailers unless it is finished; the underlying stream stays open. */
  @Override
  public void close() throws IOException {
    if (!finished) finish(List.of());
  }

  /** Size lines and field lines are bytes; ISO-8859-1 maps each char to the byte of the same value. */
  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
