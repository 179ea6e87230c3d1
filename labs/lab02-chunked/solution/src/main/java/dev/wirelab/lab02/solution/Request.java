package dev.wirelab.lab02.solution;

import dev.wirelab.labs.common.RequestHead;
import dev.wirelab.labs.common.RequestLine;
import java.util.List;

/** A parsed request line and the head it came from, where the header fields still are. */
public record Request(RequestLine line, String head) {

  public String method() {
    return line.method();
  }

  /** Every value of the field {@code name}, e.g. {@code ["trailers"]} for {@code TE: trailers}. */
  public List<String> fieldValues(String name) {
    return RequestHead.fieldValues(head, name);
  }
}
