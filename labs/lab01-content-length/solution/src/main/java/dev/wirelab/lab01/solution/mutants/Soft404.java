package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.Content;
import dev.wirelab.lab01.solution.ReferenceServer;
import dev.wirelab.lab01.solution.Response;

/** Classic bug: a "soft 404", a 200 OK whose page says not found, so caches keep it as content. */
public class Soft404 extends ReferenceServer {
  @Override
  protected Response notFound(String path) {
    return Response.of(200, "OK", TEXT_PLAIN_UTF8, Content.text("not found: " + path + "\n"));
  }
}
