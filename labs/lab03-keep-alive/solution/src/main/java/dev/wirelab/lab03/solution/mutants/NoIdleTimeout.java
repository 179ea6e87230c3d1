package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;

/** Classic bug: no idle timeout; an idle client holds a thread and a socket forever. */
public class NoIdleTimeout extends ReferenceServer {
  @Override
  protected int idleWaitMillis() {
    return 0; // Socket.setSoTimeout(0): wait forever.
  }
}
