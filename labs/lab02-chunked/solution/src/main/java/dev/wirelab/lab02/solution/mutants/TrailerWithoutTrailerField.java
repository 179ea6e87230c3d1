package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ReferenceServer;

/** Classic bug: sends the X-Content-SHA256 trailer without announcing it in a Trailer header field. */
public class TrailerWithoutTrailerField extends ReferenceServer {
  @Override
  protected boolean announcesTrailer() {
    return false;
  }
}
