package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.Framing;
import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.lab03.solution.Request;
import dev.wirelab.lab03.solution.RequestReader;
import java.io.InputStream;

/** Classic bug: the request body is never read, so its bytes are parsed as the next request. */
public class IgnoresRequestBody extends ReferenceServer {
  @Override
  protected RequestReader requestReader() {
    return new RequestReader() {
      @Override
      protected byte[] readBody(InputStream in, Request request, Framing framing) {
        return new byte[0];
      }
    };
  }
}
