package dev.wirelab.lab04.solution.mutants;

import dev.wirelab.lab04.solution.ReferenceServer;

/** Classic bug: /stream says text/plain, so a browser shows the markup instead of building a document. */
public class StreamAsTextPlain extends ReferenceServer {
  @Override
  protected String streamContentType() {
    return "text/plain; charset=utf-8";
  }
}
