package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;

/** Classic bug: closes after every response, though the response never said Connection: close. */
public class ClosesAfterEveryResponse extends ReferenceServer {
  @Override
  protected boolean readsNextRequest(boolean persistent) {
    return false;
  }
}
