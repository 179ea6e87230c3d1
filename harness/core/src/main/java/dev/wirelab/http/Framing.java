package dev.wirelab.http;

/** How the end of a response body is found, decided once per message by {@link MessageBodyLength}. */
public enum Framing {
  /** No body at all: a response to HEAD, or a 1xx, 204 or 304 response. */
  NONE,
  /** Transfer-Encoding with chunked last: the body is a series of chunks ending with a zero-size one. */
  CHUNKED,
  /** Content-Length: exactly that many bytes. */
  CONTENT_LENGTH,
  /** Neither: the body is everything until the server closes the connection. */
  CLOSE_DELIMITED
}
