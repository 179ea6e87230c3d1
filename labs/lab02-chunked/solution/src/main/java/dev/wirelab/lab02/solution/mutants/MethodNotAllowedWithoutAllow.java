package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ReferenceServer;
import dev.wirelab.lab02.solution.Response;

/** Classic bug: a 405 that does not say which methods are allowed (no Allow field). */
public class MethodNotAllowedWithoutAllow extends ReferenceServer {
  @Override
  protected Response methodNotAllowed() {
    return Response.page(405, "Method Not Allowed", "this resource supports " + ALLOWED_METHODS);
  }
}
