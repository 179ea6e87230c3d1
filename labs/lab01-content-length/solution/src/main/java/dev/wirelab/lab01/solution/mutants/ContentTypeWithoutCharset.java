package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.Content;
import dev.wirelab.lab01.solution.ReferenceServer;
import dev.wirelab.lab01.solution.Response;

/** Classic bug: /hello says "text/plain" with no charset, so a client may decode 世界 as Latin-1. */
public class ContentTypeWithoutCharset extends ReferenceServer {
  @Override
  protected Response hello() {
    return Response.of(200, "OK", "text/plain", Content.text(HELLO_TEXT));
  }
}
