package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;

/** Classic bug: HEAD gets the body too, which the client then reads as the start of the next response. */
public class HeadSendsBody extends ReferenceServer {
  @Override
  protected boolean sendsBody(String method) {
    return true;
  }
}
