package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.Framing;
import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.lab03.solution.Request;
import dev.wirelab.lab03.solution.RequestReader;

/** Classic bug (request smuggling): given Transfer-Encoding and Content-Length, Content-Length frames the body. */
public class AcceptsTeAndCl extends ReferenceServer {
  @Override
  protected RequestReader requestReader() {
    return new RequestReader() {
      @Override
      protected Framing framingOfBoth(Request request) {
        return Framing.CONTENT_LENGTH;
      }
    };
  }
}
