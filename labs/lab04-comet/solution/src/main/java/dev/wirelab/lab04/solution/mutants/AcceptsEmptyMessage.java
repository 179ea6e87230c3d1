package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.ReferenceServer;
import dev.wirelab.lab04.solution.Rejection;

/** Classic bug: an empty body is stored as an empty message, which every subscriber then receives. */
public class AcceptsEmptyMessage extends ReferenceServer {
  @Override
  protected String accept(byte[] body) throws Rejection {
    if (body.length == 0) return "";
    return super.accept(body);
  }
}
