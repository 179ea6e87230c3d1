package dev.wirelab.http;

/** The protocol rules the parser enforces, each with the RFC section that states it. */
public enum Rule {
  LINE_ENDING("line-ending", "RFC 9112 §2.2", "lines end with CRLF; a bare LF or bare CR is not a line ending a sender may generate"),
  STATUS_LINE("status-line", "RFC 9112 §4", "status-line = HTTP-version SP status-code SP [ reason-phrase ] CRLF"),
  HTTP_VERSION("http-version", "RFC 9112 §2.3", "HTTP-version = \"HTTP/\" DIGIT \".\" DIGIT, case-sensitive"),
  FIELD_SYNTAX("field-syntax", "RFC 9112 §5", "field-line = field-name \":\" OWS field-value OWS, field-name a token"),
  FIELD_NAME_WHITESPACE("field-name-whitespace", "RFC 9112 §5.1", "no whitespace is allowed between the field name and the colon"),
  OBSOLETE_LINE_FOLDING("obs-fold", "RFC 9112 §5.2", "a sender must not generate a field line that starts with whitespace (obs-fold)"),
  HEADER_SECTION_END("header-section-end", "RFC 9112 §2.1", "the header section ends with an empty line (CRLF CRLF)"),
  HEADER_TOO_LARGE("header-too-large", "RFC 9110 §5.4", "the harness's own limits (RFC 9110 §5.4 lets a recipient set them): lines up to 8 KiB, header and trailer sections up to 64 KiB"),
  CONTENT_LENGTH_VALUE("content-length-value", "RFC 9110 §8.6", "Content-Length = 1*DIGIT, one value; differing values are an unrecoverable error (RFC 9112 §6.3 rule 5)"),
  CONTENT_LENGTH_WITH_TRANSFER_ENCODING("content-length-with-transfer-encoding", "RFC 9112 §6.2", "a sender must not send Content-Length in a message that has Transfer-Encoding"),
  CONTENT_LENGTH_NOT_ALLOWED("content-length-not-allowed", "RFC 9110 §8.6", "a server must not send Content-Length in a 1xx or 204 response"),
  TRANSFER_ENCODING_NOT_ALLOWED("transfer-encoding-not-allowed", "RFC 9112 §6.1", "a server must not send Transfer-Encoding in a 1xx or 204 response"),
  TRANSFER_ENCODING_TO_HTTP10("transfer-encoding-to-http10", "RFC 9112 §6.1", "a server must not send Transfer-Encoding unless the request indicates HTTP/1.1"),
  TRANSFER_CODING("transfer-coding", "RFC 9112 §6.1", "chunked is applied at most once; a response whose final coding is not chunked ends at the close"),
  CHUNK_SIZE("chunk-size", "RFC 9112 §7.1", "chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF, chunk-size = 1*HEXDIG"),
  CHUNK_EXTENSION("chunk-ext", "RFC 9112 §7.1.1", "chunk-ext = *( BWS \";\" BWS chunk-ext-name [ BWS \"=\" BWS chunk-ext-val ] )"),
  CHUNK_DATA_END("chunk-data-end", "RFC 9112 §7.1", "chunk-data is exactly chunk-size octets, followed by CRLF"),
  TRAILER_SECTION("trailer-section", "RFC 9112 §7.1.2", "trailer-section = *( field-line CRLF ), then CRLF"),
  INCOMPLETE_MESSAGE("incomplete-message", "RFC 9112 §8", "a message whose connection closed before its framing said it was complete is incomplete");

  private final String id;
  private final String section;
  private final String summary;

  Rule(String id, String section, String summary) {
    this.id = id;
    this.section = section;
    this.summary = summary;
  }

  public String id() {
    return id;
  }

  public String section() {
    return section;
  }

  public String summary() {
    return summary;
  }
}
