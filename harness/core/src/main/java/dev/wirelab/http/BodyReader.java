package dev.wirelab.http;

import java.util.List;

/**
 * Reads a response body in one framing from the bytes after the head, writing the decoded body to the
 * buffer it was given, and stops at the body's last byte so that whatever follows stays unconsumed.
 */
interface BodyReader {
  /**
   * Reads from {@code buffer[from, to)}, {@code from < to}, whose first byte is at {@code streamOffset} of
   * the received stream and arrived at {@code nanos}. Returns how many bytes belonged to the body: at
   * least one, and none past its end.
   */
  int read(byte[] buffer, int from, int to, long streamOffset, long nanos);

  /** True once the body's last byte has been read; never for a body that ends when the server closes. */
  boolean isComplete();

  /** Where reading is, for a body still arriving: "headers complete, Content-Length 14, 10 body bytes received". */
  String progress();

  /** How the finished body was framed: "Content-Length 2", "chunked, 2 chunks" or "close-delimited". */
  String describe();

  default List<Chunk> chunks() {
    return List.of();
  }

  default Headers trailers() {
    return new Headers(List.of());
  }
}
