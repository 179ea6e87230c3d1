package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.Body;
import dev.wirelab.lab02.solution.ReferenceServer;
import dev.wirelab.lab02.solution.Response;

/** Classic bug: /empty answered with Content-Length: 0 instead of the chunked body the contract asks for. */
public class EmptyWithContentLength extends ReferenceServer {
  @Override
  protected Response empty() {
    return Response.of(200, "OK", TEXT_PLAIN_UTF8, Body.of(new byte[0]));
  }
}
