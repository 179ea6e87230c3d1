package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;

/** Classic bug: closes an idle connection after a quarter of the idle timeout it announces. */
public class ClosesIdleTooSoon extends ReferenceServer {
  @Override
  protected int idleWaitMillis() {
    return Math.max(1, idleTimeoutMillis() / 4);
  }
}
