package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.ReferenceServer;
import dev.wirelab.labs.common.RequestLine;

/** Classic bug: the request line split on spaces and never checked, so "hello there" is method "hello". */
public class AcceptsAnyRequestLine extends ReferenceServer {
  @Override
  protected RequestLine parseRequestLine(String line) {
    String[] parts = line.split(" ");
    return new RequestLine(parts[0],
        parts.length > 1 ? parts[1] : "/",
        parts.length > 2 ? parts[2] : "HTTP/1.1");
  }
}
