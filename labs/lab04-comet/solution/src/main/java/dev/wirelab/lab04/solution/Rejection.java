package dev.wirelab.lab04.solution;

/** A request the server refuses: the status, and a one-line reason for the text/plain page. */
public final class Rejection extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  public Rejection(int status, String reason) {
    super(reason, null, false, false); // an answer, not a failure: no stack trace
    this.status = status;
  }

  public int status() {
    return status;
  }
}
