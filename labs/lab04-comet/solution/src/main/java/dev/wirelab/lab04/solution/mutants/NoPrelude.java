package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.ReferenceServer;

/** Classic bug: /stream starts with the first message, with no padded prelude before it. */
public class NoPrelude extends ReferenceServer {
  @Override
  protected byte[] streamPrelude() {
    return new byte[0];
  }
}
