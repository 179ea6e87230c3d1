package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.ReferenceServer;
import dev.wirelab.lab04.solution.Transport;

/** Classic bug: a subscriber that leaves is never removed, so the count only grows. */
public class LeakedSubscriber extends ReferenceServer {
  @Override
  protected void subscriberLeft(Transport transport) {
    // Forgotten: no finally that takes it out again.
  }
}
