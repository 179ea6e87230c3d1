package dev.wirelab.http;

/** {@code HTTP/1.1 200 OK}, split into its parts. */
public record StatusLine(String version, int code, String reason, long offset) {
  public boolean isInformational() {
    return code >= 100 && code < 200;
  }

  @Override
  public String toString() {
    return version + " " + code + " " + reason;
  }
}
