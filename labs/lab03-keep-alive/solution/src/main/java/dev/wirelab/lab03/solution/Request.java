package dev.wirelab.lab03.solution;

import dev.wirelab.labs.common.RequestHead;
import dev.wirelab.labs.common.RequestLine;
import java.util.List;

/** A parsed request line, the head it came from (where the header fields still are), and the body. */
public record Request(RequestLine line, String head, byte[] body) {

  public String method() {
    return line.method();
  }

  /** Every value of the field {@code name}, one per field line, e.g. {@code ["keep-alive, close"]}. */
  public List<String> fieldValues(String name) {
    return RequestHead.fieldValues(head, name);
  }

  public boolean hasField(String name) {
    return !fieldValues(name).isEmpty();
  }

  /**
   * Whether the Connection field lists {@code option}. RFC 9110 §7.6.1: Connection is a comma-separated
   * list of case-insensitive tokens, maybe over several field lines: {@code Connection: keep-alive, Close}
   * lists close.
   */
  public boolean hasConnectionOption(String option) {
    for (String value : fieldValues("Connection")) {
      for (String member : value.split(",")) {
        if (member.strip().equalsIgnoreCase(option)) return true;
      }
    }
    return false;
  }

  public Request withBody(byte[] body) {
    return new Request(line, head, body);
  }
}
