package dev.wirelab.lab02.solution;

/**
 * How the client finds the end of a response body, in the order RFC 9112 §6.3 tries them. A server
 * picks one per response and must say so in the header section.
 */
public enum Framing {
  /** Rule 4: {@code Transfer-Encoding: chunked}; the last-chunk {@code 0\r\n} ends the body. */
  CHUNKED,
  /** Rule 6: {@code Content-Length: n}; the body is the next n bytes. */
  CONTENT_LENGTH,
  /** Rule 8: neither field; the body is everything until the server closes the connection. */
  CLOSE_DELIMITED
}
