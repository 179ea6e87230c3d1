package dev.wirelab.http;

/** What the parser does after a violation. */
public enum ParseMode {
  /** Stop at the first violation: the message is not valid HTTP/1.1. The default. */
  STRICT,
  /**
   * Record the violation and carry on where a tolerant recipient could (a bare LF as a line ending,
   * RFC 9112 §2.2; a malformed header line skipped), so one bug does not hide everything after it.
   */
  LENIENT
}
