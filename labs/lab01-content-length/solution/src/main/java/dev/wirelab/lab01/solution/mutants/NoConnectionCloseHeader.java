package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.ReferenceServer;

/** Classic bug: closes after each response without saying so in a Connection: close field. */
public class NoConnectionCloseHeader extends ReferenceServer {
  @Override
  protected boolean announcesClose() {
    return false;
  }
}
