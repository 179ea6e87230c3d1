package dev.wirelab.bench.framing;

import dev.wirelab.lab02.solution.ChunkedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The two ways an HTTP/1.1 response body of known bytes can end (RFC 9112 section 6.3), each as the field
 * line that announces it, the stream the body is written to, and what ends the body.
 */
public enum Framing {
  /** {@code Content-Length: N}, then exactly N bytes, written as they come. */
  CONTENT_LENGTH {
    @Override
    byte[] fieldLine(long bodyBytes) {
      return latin1("Content-Length: " + bodyBytes + "\r\n");
    }

    @Override
    OutputStream open(OutputStream wire) {
      return wire;
    }

    @Override
    void end(OutputStream body) throws IOException {
      body.flush();
    }

    @Override
    long wireBytes(long bodyBytes, int chunkBytes) {
      return fieldLine(bodyBytes).length + bodyBytes;
    }
  },

  /** {@code Transfer-Encoding: chunked}, each write one chunk (Lab 02's writer), then the last-chunk. */
  CHUNKED {
    @Override
    byte[] fieldLine(long bodyBytes) {
      return latin1("Transfer-Encoding: chunked\r\n");
    }

    @Override
    OutputStream open(OutputStream wire) {
      return new ChunkedOutputStream(wire);
    }

    @Override
    void end(OutputStream body) throws IOException {
      body.close(); // the last-chunk and the final CRLF; the wire stays open
    }

    @Override
    long wireBytes(long bodyBytes, int chunkBytes) {
      long wire = fieldLine(bodyBytes).length + bodyBytes + "0\r\n\r\n".length();
      for (long offset = 0; offset < bodyBytes; offset += chunkBytes) {
        long chunkSize = Math.min(chunkBytes, bodyBytes - offset);
        // chunk-size in hex, CRLF, chunk-data, CRLF (RFC 9112 section 7.1)
        wire += Long.toHexString(chunkSize).length() + 2 + 2;
      }
      return wire;
    }
  };

  /** The header field line that tells the reader how the body ends, CRLF included. */
  abstract byte[] fieldLine(long bodyBytes);

  /** The stream the body's bytes go to; closing it never closes {@code wire}. */
  abstract OutputStream open(OutputStream wire);

  /** Whatever the framing sends after the last body byte, then a flush. */
  abstract void end(OutputStream body) throws IOException;

  /** Exactly how many bytes the field line and the framed body take, for writes of {@code chunkBytes}. */
  abstract long wireBytes(long bodyBytes, int chunkBytes);

  /** Writes one whole response body: field line, the body in writes of {@code chunkBytes}, its end. */
  void writeBody(OutputStream wire, byte[] body, int chunkBytes) throws IOException {
    if (chunkBytes <= 0) throw new IllegalArgumentException("chunkBytes <= 0: " + chunkBytes);
    wire.write(fieldLine(body.length));
    OutputStream bodyOut = open(wire);
    for (int offset = 0; offset < body.length; offset += chunkBytes) {
      bodyOut.write(body, offset, Math.min(chunkBytes, body.length - offset));
    }
    end(bodyOut);
  }

  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
