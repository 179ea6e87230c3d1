package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.ReferenceServer;

/** Classic bug: the status line says HTTP/1.0, copied from an old example, while speaking HTTP/1.1. */
public class Http10StatusLine extends ReferenceServer {
  @Override
  protected String httpVersion() {
    return "HTTP/1.0";
  }
}
