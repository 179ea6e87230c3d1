package dev.wirelab.lab04.solution.http;

import dev.wirelab.labs.common.RejectedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Decodes a request body in the chunked transfer coding (RFC 9112 §7.1), as Lab 02 taught it:
 *
 * <pre>
 *   5;ext=1\r\n        READ_CHUNK_SIZE        hex size; extensions ignored (§7.1.1)
 *   hello\r\n          READ_CHUNK_DATA        exactly 5 bytes, then CRLF
 *   0\r\n              READ_CHUNK_SIZE        size 0: the last-chunk
 *   X-Sum: 42\r\n      READ_TRAILER           trailer fields, discarded (§7.1.2)
 *   \r\n               READ_TRAILER           the empty line: the next request starts after it
 * </pre>
 */
final class ChunkedRequestBody {
  /** What the decoder reads now, in wire order. */
  private enum State { READ_CHUNK_SIZE, READ_CHUNK_DATA, READ_TRAILER, DONE }

  private static final Pattern HEX_DIGITS = Pattern.compile("[0-9A-Fa-f]{1,15}"); // 15 digits fit a long
  private static final int MAX_LINE_BYTES = 4 * 1024;

  private ChunkedRequestBody() {}

  /** The decoded body, at most {@code maxBytes}; the stream is left right after the final CRLF. */
  static byte[] read(InputStream in, int maxBytes) throws IOException, RejectedRequest {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    State state = State.READ_CHUNK_SIZE;
    long bytesRemainingInChunk = 0;
    int trailerBytes = 0;
    while (state != State.DONE) {
      switch (state) {
        case READ_CHUNK_SIZE -> {
          String sizeLine = readLine(in);
          String digits = sizeLine.split(";", 2)[0].replaceAll("[ \t]+$", "");
          if (!HEX_DIGITS.matcher(digits).matches()) {
            throw badRequest("expected a chunk size in hex but was \"" + printable(sizeLine) + "\"");
          }
          bytesRemainingInChunk = Long.parseLong(digits, 16);
          if (body.size() + bytesRemainingInChunk > maxBytes) {
            throw new RejectedRequest(413, "Content Too Large",
                "expected a body of at most " + maxBytes + " bytes but a chunk makes it longer");
          }
          state = bytesRemainingInChunk == 0 ? State.READ_TRAILER : State.READ_CHUNK_DATA;
        }
        case READ_CHUNK_DATA -> {
          byte[] data = in.readNBytes((int) bytesRemainingInChunk);
          if (data.length < bytesRemainingInChunk) {
            throw badRequest("expected " + bytesRemainingInChunk + " bytes of chunk data but the connection closed");
          }
          body.write(data);
          if (!readLine(in).isEmpty()) throw badRequest("expected CRLF right after a chunk's data");
          state = State.READ_CHUNK_SIZE;
        }
        case READ_TRAILER -> {
          String line = readLine(in);
          trailerBytes += line.length() + 2;
          if (trailerBytes > MAX_LINE_BYTES) throw badRequest("expected a trailer section under " + MAX_LINE_BYTES + " bytes");
          if (line.isEmpty()) state = State.DONE;
        }
        case DONE -> throw new IllegalStateException("the loop ends at DONE");
      }
    }
    return body.toByteArray();
  }

  /** A line up to CRLF, without it; a bare LF is refused, as the end of a size line must be exact. */
  private static String readLine(InputStream in) throws IOException, RejectedRequest {
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b == -1) throw badRequest("expected the rest of a chunked body but the connection closed");
      if (b == '\n') throw badRequest("expected CRLF but was a bare LF in a chunked body");
      if (b == '\r') {
        if (in.read() == '\n') return line.toString();
        throw badRequest("expected LF after CR in a chunked body");
      }
      if (line.length() == MAX_LINE_BYTES) throw badRequest("expected a line under " + MAX_LINE_BYTES + " bytes");
      line.append((char) b);
    }
  }

  private static RejectedRequest badRequest(String message) {
    return new RejectedRequest(400, "Bad Request", message);
  }

  private static String printable(String text) {
    String shortened = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return shortened.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
