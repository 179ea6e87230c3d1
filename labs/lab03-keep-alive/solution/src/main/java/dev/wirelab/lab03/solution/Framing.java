package dev.wirelab.lab03.solution;

/**
 * Where a message body ends, in the order RFC 9112 §6.3 tries the rules. A request's body is framed
 * by one of the first three; only a response can be delimited by the close.
 */
public enum Framing {
  /** Rule 4: {@code Transfer-Encoding} ending in {@code chunked}; the last-chunk {@code 0\r\n} ends the body. */
  CHUNKED,
  /** Rule 6: {@code Content-Length: n}; the body is the next n bytes. */
  CONTENT_LENGTH,
  /** Rule 7: a request with neither field has no body; the next byte starts the next request. */
  NONE,
  /** Rule 8: a response with neither field; the body is everything until the server closes. */
  CLOSE_DELIMITED
}
