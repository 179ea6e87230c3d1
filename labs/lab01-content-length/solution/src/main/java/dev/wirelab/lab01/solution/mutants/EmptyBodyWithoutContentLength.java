package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.ReferenceServer;
import dev.wirelab.lab01.solution.Response;

/** Classic bug: no Content-Length when it would be 0; an empty file's response ends only at the close. */
public class EmptyBodyWithoutContentLength extends ReferenceServer {
  @Override
  protected boolean announcesLength(Response response) {
    return super.announcesLength(response) && response.content().length() > 0;
  }
}
