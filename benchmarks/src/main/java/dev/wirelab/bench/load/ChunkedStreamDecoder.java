package dev.wirelab.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decodes one response that is meant never to end, a chunked {@code 200} (RFC 9112 §7.1), as its bytes
 * arrive, and hands each chunk's data to a listener the moment the chunk is complete:
 * <pre>{@code
 * HTTP/1.1 200 OK\r\n ... \r\n\r\n         the head: status 200 and Transfer-Encoding: chunked
 * 400\r\n<!DOCTYPE html>      ...\r\n       chunk 1, the prelude: 0x400 = 1024 bytes
 * 1a\r\n<p data-id="7">load 3</p>\n\r\n     chunk 2: one message, 26 bytes
 * 13\r\n<!-- heartbeat -->\n\r\n            chunk 3: a heartbeat, 19 bytes
 * }</pre>
 * The harness's {@code ResponseParser} keeps every byte and every chunk record for its report; a load run
 * holds a thousand streams open, so this decoder forgets each chunk once the listener has seen it. It checks
 * only what it needs to find chunk boundaries: grading the framing is the harness's job.
 */
final class ChunkedStreamDecoder {
  static final int MAX_HEAD_BYTES = 16 * 1024;
  static final int MAX_CHUNK_BYTES = 1024 * 1024;
  private static final int MAX_SIZE_LINE_BYTES = 256;

  /** What the decoder is doing now, in wire order. */
  enum Step {
    READ_HEAD,
    READ_CHUNK_SIZE,
    READ_CHUNK_DATA,
    READ_CHUNK_DATA_CR,
    READ_CHUNK_DATA_LF,
    ENDED,
    FAILED
  }

  @FunctionalInterface
  interface Listener {
    /** {@code data[0, byteCount)} is one chunk's data; its last byte arrived at {@code arrivalNanos}. */
    void chunk(byte[] data, int byteCount, long arrivalNanos);
  }

  private final Listener listener;
  private Step step = Step.READ_HEAD;
  private final StringBuilder line = new StringBuilder();
  private String statusLine;
  private boolean chunked;
  private byte[] chunkData = new byte[2048];
  private int chunkSize;
  private int bytesInChunk;
  private long chunkCount;
  private String failure;

  ChunkedStreamDecoder(Listener listener) {
    this.listener = listener;
  }

  /** Takes {@code buffer[from, to)}, which arrived at {@code arrivalNanos}. Ignores bytes once ended or failed. */
  void feed(byte[] buffer, int from, int to, long arrivalNanos) {
    int position = from;
    while (position < to && step != Step.ENDED && step != Step.FAILED) {
      if (step == Step.READ_CHUNK_DATA) {
        int byteCount = Math.min(to - position, chunkSize - bytesInChunk);
        System.arraycopy(buffer, position, chunkData, bytesInChunk, byteCount);
        bytesInChunk += byteCount;
        position += byteCount;
        if (bytesInChunk == chunkSize) step = Step.READ_CHUNK_DATA_CR;
        continue;
      }
      byte b = buffer[position++];
      step = switch (step) {
        case READ_HEAD -> readHead(b);
        case READ_CHUNK_SIZE -> readSizeLine(b);
        case READ_CHUNK_DATA_CR -> b == '\r' ? Step.READ_CHUNK_DATA_LF
            : fail("expected \"\\r\\n\" after " + chunkSize + " bytes of chunk data but was " + quote(b));
        case READ_CHUNK_DATA_LF -> b == '\n' ? deliver(arrivalNanos)
            : fail("expected \"\\n\" after \"\\r\" ending the chunk data but was " + quote(b));
        case READ_CHUNK_DATA, ENDED, FAILED -> throw new IllegalStateException("step " + step);
      };
    }
  }

  Step step() {
    return step;
  }

  /** The status line, once the head is complete; null before. */
  String statusLine() {
    return statusLine;
  }

  long chunkCount() {
    return chunkCount;
  }

  /** Why decoding stopped, in "expected X but was Y" form; null unless {@link Step#FAILED}. */
  String failure() {
    return failure;
  }

  private Step readHead(byte b) {
    if (line.length() >= MAX_HEAD_BYTES) {
      return fail("expected a head under " + MAX_HEAD_BYTES + " bytes but was longer");
    }
    line.append((char) (b & 0xff));
    int length = line.length();
    if (length < 4 || line.charAt(length - 4) != '\r' || line.charAt(length - 3) != '\n'
        || line.charAt(length - 2) != '\r' || line.charAt(length - 1) != '\n') {
      return Step.READ_HEAD;
    }
    String[] lines = line.substring(0, length - 4).split("\r\n");
    line.setLength(0);
    statusLine = lines[0];
    if (!statusLine.startsWith("HTTP/1.1 200 ")) {
      return fail("expected \"HTTP/1.1 200 OK\" but was \"" + statusLine + "\"");
    }
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon < 0) continue;
      String name = lines[i].substring(0, colon).trim();
      String value = lines[i].substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      if (name.equalsIgnoreCase("Transfer-Encoding") && value.endsWith("chunked")) chunked = true;
    }
    return chunked ? Step.READ_CHUNK_SIZE : fail("expected Transfer-Encoding: chunked but the head had none");
  }

  private Step readSizeLine(byte b) {
    if (b != '\n') {
      if (line.length() >= MAX_SIZE_LINE_BYTES) {
        return fail("expected a chunk size line but got " + MAX_SIZE_LINE_BYTES + " bytes without \"\\n\"");
      }
      line.append((char) (b & 0xff));
      return Step.READ_CHUNK_SIZE;
    }
    String text = line.toString();
    line.setLength(0);
    if (!text.endsWith("\r")) return fail("expected \"\\r\\n\" ending the chunk size line but was a bare \"\\n\"");
    int end = 0;
    while (end < text.length() && Character.digit(text.charAt(end), 16) >= 0) end++;
    if (end == 0 || end > 8) return fail("expected a hex chunk size but was \"" + text.trim() + "\"");
    long size = Long.parseLong(text.substring(0, end), 16); // the rest is ";ext" or "\r": ignored (§7.1.1)
    if (size == 0) return Step.ENDED; // the last-chunk: a stream that was meant never to end has ended
    if (size > MAX_CHUNK_BYTES) return fail("expected a chunk under " + MAX_CHUNK_BYTES + " bytes but was " + size);
    chunkSize = (int) size;
    bytesInChunk = 0;
    if (chunkData.length < chunkSize) chunkData = Arrays.copyOf(chunkData, Math.max(chunkSize, chunkData.length * 2));
    return Step.READ_CHUNK_DATA;
  }

  private Step deliver(long arrivalNanos) {
    chunkCount++;
    listener.chunk(chunkData, chunkSize, arrivalNanos);
    return Step.READ_CHUNK_SIZE;
  }

  private Step fail(String why) {
    failure = why;
    return Step.FAILED;
  }

  private static String quote(byte b) {
    if (b == '\r') return "\"\\r\"";
    if (b == '\n') return "\"\\n\"";
    if (b >= 0x20 && b < 0x7f) return "\"" + new String(new byte[] {b}, StandardCharsets.US_ASCII) + "\"";
    return String.format("\"\\x%02X\"", b & 0xff);
  }
}
