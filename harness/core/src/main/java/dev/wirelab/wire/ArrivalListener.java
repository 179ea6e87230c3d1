package dev.wirelab.wire;

/** Told about each read as it arrives; says when the reader has enough. */
@FunctionalInterface
public interface ArrivalListener {
  /**
   * Called after each read with the transcript it was appended to.
   *
   * @return true to stop reading: the reader has what it needs
   */
  boolean onArrival(Transcript transcript, int offset, int byteCount, long nanos);

  /** Reads until the server closes, the deadline, or the byte cap. */
  ArrivalListener UNTIL_CLOSE = (transcript, offset, byteCount, nanos) -> false;
}
