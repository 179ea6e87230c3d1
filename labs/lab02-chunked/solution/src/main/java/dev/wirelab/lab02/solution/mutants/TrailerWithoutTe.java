package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ReferenceServer;
import dev.wirelab.lab02.solution.Request;

/** Classic bug: the checksum trailer and its Trailer field are sent to every client, asked for or not. */
public class TrailerWithoutTe extends ReferenceServer {
  @Override
  protected boolean acceptsTrailers(Request request) {
    return true;
  }
}
