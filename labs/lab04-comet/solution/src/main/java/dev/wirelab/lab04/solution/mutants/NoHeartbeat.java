package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.ReferenceServer;

/** Classic bug: a quiet /stream sends nothing at all, so proxies cut it and a dead reader is never noticed. */
public class NoHeartbeat extends ReferenceServer {
  @Override
  protected byte[] streamHeartbeat() {
    return new byte[0];
  }
}
