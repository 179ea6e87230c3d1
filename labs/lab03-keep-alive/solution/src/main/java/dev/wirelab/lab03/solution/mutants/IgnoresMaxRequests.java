package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;

/** Classic bug: no limit on requests per connection, though Keep-Alive announces one. */
public class IgnoresMaxRequests extends ReferenceServer {
  @Override
  protected boolean requestLimitReached(int requestCount) {
    return false;
  }
}
