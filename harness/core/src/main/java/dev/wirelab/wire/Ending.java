package dev.wirelab.wire;

/** How a connection's reading ended, as a report tells it. */
public enum Ending {
  /** Still open: the reader had what it needed and stopped reading. */
  OPEN("still open"),
  /** The server sent FIN: an orderly close. */
  PEER_CLOSED("FIN from server"),
  /** The server reset the connection (RST): data it had not yet sent, or we had not read, is lost. */
  RESET("RST from server"),
  /** The deadline passed with the connection still open and the response not complete. */
  TIMEOUT("timeout"),
  /** The server sent more bytes than the harness accepts from one connection. */
  BYTE_CAP("byte cap reached"),
  /** The connection could not be made at all. */
  CONNECT_FAILED("connect failed");

  private final String description;

  Ending(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
