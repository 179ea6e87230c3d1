package dev.wirelab.lab03.solution.variants;

import dev.wirelab.lab03.solution.Connection;
import dev.wirelab.lab03.solution.Framing;
import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.lab03.solution.Response;
import dev.wirelab.labs.common.LingeringClose;
import java.io.IOException;

/**
 * Correct, written differently: an idle connection gets a 408 with Connection: close before the close,
 * as RFC 9110 §15.5.9 allows ("the server would like to shut down this unused connection"). The kit
 * proves that the checks give it full marks.
 */
public class SendsRequestTimeout408 extends ReferenceServer {
  @Override
  protected void idleTimedOut(Connection connection) throws IOException {
    Response page = Response.page(408, "Request Timeout", "no request came within " + idleTimeoutMillis() + " ms")
        .withField("Connection", "close");
    write(connection.wire(), page, Framing.CONTENT_LENGTH, true);
    LingeringClose.finish(connection.socket());
  }
}
