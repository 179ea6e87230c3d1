package dev.wirelab.lab04.solution.http;

import com.sun.net.httpserver.Headers;
import dev.wirelab.labs.common.RequestLine;
import java.net.URI;
import java.util.List;

/** A whole request as read from the wire: its line, its target as a URI, its header fields and body. */
record Request(RequestLine line, URI uri, Headers headers, byte[] body) {

  String method() {
    return line.method();
  }

  /**
   * Whether the Connection field lists {@code option}: a comma-separated list of case-insensitive
   * tokens, maybe over several field lines (RFC 9110 §7.6.1).
   */
  boolean hasConnectionOption(String option) {
    for (String value : headers.getOrDefault("Connection", List.of())) {
      for (String member : value.split(",")) {
        if (member.strip().equalsIgnoreCase(option)) return true;
      }
    }
    return false;
  }
}
