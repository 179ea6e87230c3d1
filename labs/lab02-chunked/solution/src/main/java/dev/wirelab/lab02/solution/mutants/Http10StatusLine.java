package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ReferenceServer;

/** Classic bug: the status line says HTTP/1.0, copied from an old example, while sending chunked. */
public class Http10StatusLine extends ReferenceServer {
  @Override
  protected String httpVersion() {
    return "HTTP/1.0";
  }
}
