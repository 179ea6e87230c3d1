package dev.wirelab.lab03.solution;

import dev.wirelab.labs.common.RejectedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * A request body in the chunked transfer coding (RFC 9112 §7.1), decoded as RFC 9112 §7.1.3 draws it:
 *
 * <pre>
 *   5;ext=1\r\n        READ_CHUNK_SIZE        hex size; chunk extensions ignored (§7.1.1)
 *   hello              READ_CHUNK_DATA        exactly 5 bytes, whatever they are
 *   \r\n               READ_CHUNK_DATA_CRLF   the CRLF after the data, not counted in the size
 *   0\r\n              READ_CHUNK_SIZE        size 0: the last-chunk
 *   X-Sum: 42\r\n      READ_TRAILER           trailer fields, read and discarded (§7.1.2)
 *   \r\n               READ_TRAILER           the empty line: the body ends, the next request starts
 * </pre>
 *
 * Anything else is a bad request: this server answers 400 and closes, since it can no longer tell
 * where the next request starts.
 */
public class ChunkedBody {
  /** What the decoder is reading now, in wire order. */
  enum State { READ_CHUNK_SIZE, READ_CHUNK_DATA, READ_CHUNK_DATA_CRLF, READ_TRAILER, DONE }

  private static final Pattern HEX_DIGITS = Pattern.compile("[0-9A-Fa-f]+");
  private static final int MAX_LINE_BYTES = 4 * 1024;
  private static final int MAX_TRAILER_BYTES = 8 * 1024;

  private final InputStream in;
  private final int maxBytes;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private State state = State.READ_CHUNK_SIZE;
  private long bytesRemainingInChunk;
  private int trailerBytes;

  public ChunkedBody(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The decoded body; the stream is left right after the final CRLF. */
  public byte[] readAll() throws IOException, RejectedRequest {
    while (state != State.DONE) {
      switch (state) {
        case READ_CHUNK_SIZE -> {
          bytesRemainingInChunk = chunkSize(readLine());
          if (body.size() + bytesRemainingInChunk > maxBytes) throw tooLarge();
          state = bytesRemainingInChunk == 0 ? State.READ_TRAILER : State.READ_CHUNK_DATA;
        }
        case READ_CHUNK_DATA -> {
          byte[] data = in.readNBytes((int) bytesRemainingInChunk);
          if (data.length < bytesRemainingInChunk) throw closedEarly("the rest of a chunk's data");
          body.write(data);
          state = State.READ_CHUNK_DATA_CRLF;
        }
        case READ_CHUNK_DATA_CRLF -> {
          int cr = in.read();
          int lf = cr == '\r' ? in.read() : -1;
          if (cr != '\r' || lf != '\n') {
            throw new RejectedRequest(400, "Bad Request",
                "expected CRLF after " + body.size() + " bytes of chunk data but was " + escaped(cr, lf));
          }
          state = State.READ_CHUNK_SIZE;
        }
        case READ_TRAILER -> {
          String line = readLine();
          trailerBytes += line.length() + 2;
          if (trailerBytes > MAX_TRAILER_BYTES) {
            throw new RejectedRequest(431, "Request Header Fields Too Large",
                "expected a trailer section of at most " + MAX_TRAILER_BYTES + " bytes");
          }
          if (line.isEmpty()) state = State.DONE; // Trailer fields are not needed here: discarded.
        }
      }
    }
    return body.toByteArray();
  }

  /**
   * RFC 9112 §7.1: chunk-size = 1*HEXDIG, then optional whitespace (BWS) and extensions after ";".
   * Not {@code Long.parseLong(line, 16)} on the raw line: that takes "-5" and "+5", and would overflow
   * quietly only if the digits were not checked first.
   */
  protected long chunkSize(String sizeLine) throws RejectedRequest {
    String size = sizeLine.split(";", 2)[0].replaceAll("[ \t]+$", "");
    if (!HEX_DIGITS.matcher(size).matches()) {
      throw new RejectedRequest(400, "Bad Request",
          "expected a chunk size in hex but was \"" + printable(sizeLine) + "\"");
    }
    try {
      return Long.parseLong(size, 16);
    } catch (NumberFormatException overflow) {
      throw new RejectedRequest(400, "Bad Request", "expected a chunk size that fits 63 bits but was " + size);
    }
  }

  /** A line up to CRLF, without it; a bare LF or CR is refused, as the size line's end must be exact. */
  private String readLine() throws IOException, RejectedRequest {
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b == -1) throw closedEarly(state == State.READ_TRAILER ? "the trailer section" : "a chunk size line");
      if (b == '\r') {
        int lf = in.read();
        if (lf == '\n') return line.toString();
        throw new RejectedRequest(400, "Bad Request", "expected LF after CR in a chunked body but was "
            + escaped(lf));
      }
      if (b == '\n') {
        throw new RejectedRequest(400, "Bad Request", "expected CRLF but was a bare LF after \""
            + printable(line.toString()) + "\"");
      }
      if (line.length() == MAX_LINE_BYTES) {
        throw new RejectedRequest(400, "Bad Request", "expected a line of at most " + MAX_LINE_BYTES
            + " bytes in a chunked body");
      }
      line.append((char) b);
    }
  }

  private RejectedRequest tooLarge() {
    return new RejectedRequest(413, "Content Too Large",
        "expected a body of at most " + maxBytes + " bytes but a chunk would take it to "
            + (body.size() + bytesRemainingInChunk));
  }

  private RejectedRequest closedEarly(String what) {
    return new RejectedRequest(400, "Bad Request",
        "expected " + what + " but the connection closed after " + body.size() + " bytes of body");
  }

  /** {@code "\r"} and {@code "\x00"} instead of raw bytes; -1 (the end of the stream) ends the bytes. */
  private static String escaped(int... bytes) {
    if (bytes[0] == -1) return "the end of the connection";
    StringBuilder text = new StringBuilder("\"");
    for (int b : bytes) {
      if (b == -1) break;
      if (b == '\r') text.append("\\r");
      else if (b == '\n') text.append("\\n");
      else if (b >= 0x20 && b < 0x7F) text.append((char) b);
      else text.append(String.format("\\x%02X", b));
    }
    return text.append('"').toString();
  }

  private static String printable(String text) {
    String shortened = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return shortened.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
