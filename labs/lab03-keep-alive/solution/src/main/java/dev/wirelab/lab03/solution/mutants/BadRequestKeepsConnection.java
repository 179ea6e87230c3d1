package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.labs.common.RejectedRequest;

/** Classic bug: after a 400 the server reads on, from wherever the bad request left the stream. */
public class BadRequestKeepsConnection extends ReferenceServer {
  @Override
  protected boolean closesAfterRejecting(RejectedRequest rejected) {
    return false;
  }
}
