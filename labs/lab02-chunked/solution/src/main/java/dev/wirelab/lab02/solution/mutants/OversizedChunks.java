package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ReferenceServer;

/** Classic bug: the whole /download body in one buffer, so one chunk, far over the contract's 8192 bytes. */
public class OversizedChunks extends ReferenceServer {
  @Override
  protected int maxChunkSize() {
    return Integer.MAX_VALUE;
  }
}
