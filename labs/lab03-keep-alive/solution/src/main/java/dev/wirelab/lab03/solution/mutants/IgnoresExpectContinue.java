package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.Framing;
import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.lab03.solution.Request;
import dev.wirelab.lab03.solution.RequestReader;
import java.io.OutputStream;

/** Classic bug: Expect: 100-continue is ignored; the client waits for a 100 that never comes. */
public class IgnoresExpectContinue extends ReferenceServer {
  @Override
  protected RequestReader requestReader() {
    return new RequestReader() {
      @Override
      protected void answerExpectation(Request request, Framing framing, OutputStream out) {
        // Nothing: the server just waits for the body, and the client waits for the 100.
      }
    };
  }
}
