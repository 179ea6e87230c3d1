package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.lab03.solution.Request;

/** Classic bug: Connection: close from the client is not heard; the connection stays open. */
public class IgnoresConnectionClose extends ReferenceServer {
  @Override
  protected boolean asksToClose(Request request) {
    return false;
  }
}
