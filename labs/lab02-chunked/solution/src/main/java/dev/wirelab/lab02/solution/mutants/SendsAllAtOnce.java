package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ReferenceServer;

/** Classic bug: the interval is ignored, so every /stream message is sent at once. */
public class SendsAllAtOnce extends ReferenceServer {
  @Override
  protected void pause(long intervalMillis) {
    // No wait.
  }
}
