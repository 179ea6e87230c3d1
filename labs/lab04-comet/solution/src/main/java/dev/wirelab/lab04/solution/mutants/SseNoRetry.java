package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.ReferenceServer;

/** Classic bug: no retry field, so a dropped EventSource reconnects after whatever its browser picks. */
public class SseNoRetry extends ReferenceServer {
  @Override
  protected byte[] sseOpening() {
    return new byte[0];
  }
}
