package dev.wirelab.lab02.solution.mutants;

import dev.wirelab.lab02.solution.ReferenceServer;
import dev.wirelab.labs.common.RequestLine;

/** Classic bug: chunked for HTTP/1.0 too; a 1.0 client cannot decode it and takes the sizes for content. */
public class ChunkedToHttp10 extends ReferenceServer {
  @Override
  protected boolean usesChunked(RequestLine request) {
    return true;
  }
}
