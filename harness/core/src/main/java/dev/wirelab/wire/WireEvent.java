package dev.wirelab.wire;

/**
 * One thing that happened on a connection, for the timeline in a report. {@code nanos} counts from the
 * moment the first request byte was written (negative before it), {@code offset} is where the event's
 * bytes start in the sent or received stream.
 */
public record WireEvent(Kind kind, long nanos, long offset, int byteCount, String detail) {
  public enum Kind { CONNECTED, SENT, RECEIVED, FIN, RESET, TIMEOUT, BYTE_CAP, CLOSED_BY_HARNESS, ERROR }

  public double millis() {
    return nanos / 1_000_000.0;
  }
}
