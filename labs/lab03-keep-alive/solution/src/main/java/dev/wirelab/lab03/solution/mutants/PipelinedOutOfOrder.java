package dev.wirelab.lab03.solution.mutants;

import dev.wirelab.lab03.solution.Connection;
import dev.wirelab.lab03.solution.ReferenceServer;
import dev.wirelab.lab03.solution.Request;
import dev.wirelab.lab03.solution.Response;
import java.io.IOException;

/** Classic bug: "parallel pipelining": waiting requests answered on threads, each response sent when ready. */
public class PipelinedOutOfOrder extends ReferenceServer {
  @Override
  protected boolean answer(Connection connection, Request request) throws IOException {
    if (connection.in().available() == 0) return answerNow(connection, request);
    Thread worker = new Thread(() -> {
      try {
        answerNow(connection, request);
      } catch (IOException e) {
        // The connection is gone; the main loop finds out too.
      }
    }, "pipelined-request");
    worker.setDaemon(true);
    worker.start();
    return true;
  }

  private boolean answerNow(Connection connection, Request request) throws IOException {
    Response response = resources().respond(request);
    synchronized (connection) { // Whole responses, at least: one at a time, whichever is ready first.
      return send(connection, request, response);
    }
  }
}
