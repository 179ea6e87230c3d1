package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.lab03.solution.Request;

/** Classic bug: Connection: keep-alive from an HTTP/1.0 client is not heard; 1.0 is always closed. */
public class Http10KeepAliveIgnored extends ReferenceServer {
  @Override
  protected boolean asksToKeepAlive(Request request) {
    return false;
  }
}
