package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.ReferenceServer;
import dev.wirelab.lab01.solution.Response;

/** Classic bug: "Content-Length: 0" on a 204, which must carry no Content-Length at all. */
public class ContentLengthOn204 extends ReferenceServer {
  @Override
  protected boolean announcesLength(Response response) {
    return true;
  }
}
