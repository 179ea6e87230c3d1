package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.ReferenceServer;
import dev.wirelab.lab01.solution.Response;

/** Classic bug: HEAD answered like GET, body included; the client takes it for the next response. */
public class BodyOnHead extends ReferenceServer {
  @Override
  protected boolean sendsBody(String method, Response response) {
    return response.status() != 204;
  }
}
