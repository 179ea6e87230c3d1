package dev.wirelab.wire;

/**
 * How a connection's reading ended. {@link #description()} is a noun phrase that reads after "but was"
 * in a diagnostic: "expected a complete response but was a close (FIN) from the server".
 */
public enum Ending {
  /** Still open: the reader had what it needed and stopped reading. */
  OPEN("a connection the server left open"),
  /** The server sent FIN: an orderly close. */
  PEER_CLOSED("a close (FIN) from the server"),
  /** The server reset the connection (RST): data it had not yet sent, or we had not read, is lost. */
  RESET("a reset (RST) from the server"),
  /** The deadline passed with the connection still open and the response not complete. */
  TIMEOUT("no complete response before the deadline"),
  /** The server sent more bytes than the harness accepts from one connection. */
  BYTE_CAP("more bytes than the byte cap"),
  /** The connection could not be made at all. */
  CONNECT_FAILED("no connection");

  private final String description;

  Ending(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
