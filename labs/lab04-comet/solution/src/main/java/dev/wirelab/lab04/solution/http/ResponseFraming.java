package dev.wirelab.lab04.solution.http;

/** Where a response's body ends, in the order RFC 9112 §6.3 tries the rules. */
enum ResponseFraming {
  /** Rule 1: a 1xx, 204 or 304 never has a body, whatever the handler asked for. */
  NONE,
  /** Rule 4: {@code Transfer-Encoding: chunked}; the last-chunk {@code 0\r\n\r\n} ends the body. */
  CHUNKED,
  /** Rule 6: {@code Content-Length: n}; the body is the next n bytes. */
  FIXED_LENGTH,
  /** Rule 8: neither field; the body is everything until the server closes. */
  CLOSE_DELIMITED;

  /**
   * The framing for {@code sendResponseHeaders(status, length)}, with HttpServer's meaning of
   * {@code length}: more than 0 is that many bytes, -1 is no body ({@code Content-Length: 0}), and 0 is
   * "not known yet": chunked, or for an HTTP/1.0 client, which cannot decode chunked (RFC 9112 §7), the
   * close.
   */
  static ResponseFraming of(int status, long length, int requestMinorVersion) {
    if (status / 100 == 1 || status == 204 || status == 304) return NONE;
    if (length != 0) return FIXED_LENGTH;
    return requestMinorVersion >= 1 ? CHUNKED : CLOSE_DELIMITED;
  }
}
