package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.Framing;
import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.lab03.solution.Request;
import dev.wirelab.lab03.solution.RequestReader;
import dev.wirelab.labs.common.RejectedRequest;

/** Classic bug: only Content-Length frames a request body; a chunked one is taken as no body at all. */
public class ChunkedBodyIgnored extends ReferenceServer {
  @Override
  protected RequestReader requestReader() {
    return new RequestReader() {
      @Override
      protected Framing bodyFraming(Request request) throws RejectedRequest {
        Framing framing = super.bodyFraming(request);
        return framing == Framing.CHUNKED ? Framing.NONE : framing;
      }
    };
  }
}
