package dev.wirelab.labs.common;

/**
 * The client sent something this server will not serve; {@link #status} is the answer it gets. Thrown
 * while the request is read and parsed or its parameters checked, before any byte of a response is
 * written, so the server can still answer with an error page instead.
 */
public class RejectedRequest extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String reason;

  public RejectedRequest(int status, String reason, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }

  public int status() {
    return status;
  }

  public String reason() {
    return reason;
  }
}
