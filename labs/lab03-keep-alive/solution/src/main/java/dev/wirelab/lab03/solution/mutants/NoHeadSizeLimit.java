package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.lab03.solution.RequestReader;

/** Classic bug: no cap on the request head, so a client can make the server buffer without end. */
public class NoHeadSizeLimit extends ReferenceServer {
  @Override
  protected RequestReader requestReader() {
    return new RequestReader() {
      @Override
      protected int maxHeadBytes() {
        return Integer.MAX_VALUE;
      }
    };
  }
}
