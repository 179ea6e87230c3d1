package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ReferenceServer;
import dev.wirelab.lab02.solution.Request;

/** Classic bug: TE compared whole with "trailers", so "gzip;q=0.5, Trailers" gets no trailer. */
public class TeExactMatch extends ReferenceServer {
  @Override
  protected boolean acceptsTrailers(Request request) {
    return request.fieldValues("TE").stream().anyMatch(value -> value.strip().equals("trailers"));
  }
}
