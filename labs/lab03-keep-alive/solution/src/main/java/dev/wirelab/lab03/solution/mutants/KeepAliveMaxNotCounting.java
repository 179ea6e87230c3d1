package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;

/** Classic bug: Keep-Alive always says max=MAX_REQUESTS instead of the requests left on this connection. */
public class KeepAliveMaxNotCounting extends ReferenceServer {
  @Override
  protected String keepAlive(int requestCount) {
    return "timeout=" + idleTimeoutMillis() / 1000 + ", max=" + maxRequests();
  }
}
