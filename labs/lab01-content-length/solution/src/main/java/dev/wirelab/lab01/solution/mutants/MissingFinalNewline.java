package dev.wirelab.lab01.solution.mutants;

import dev.wirelab.lab01.solution.Content;
import dev.wirelab.lab01.solution.ReferenceServer;
import dev.wirelab.lab01.solution.Response;

/** Classic bug: /hello sends "Hello, 世界" without its final "\n" (and a Content-Length of 13 to match). */
public class MissingFinalNewline extends ReferenceServer {
  @Override
  protected Response hello() {
    return Response.of(200, "OK", TEXT_PLAIN_UTF8, Content.text(HELLO_TEXT.strip()));
  }
}
