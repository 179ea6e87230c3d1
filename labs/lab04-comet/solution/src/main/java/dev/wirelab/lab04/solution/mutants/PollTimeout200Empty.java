package dev.wirelab.lab04.solution.mutants;

import com.sun.net.httpserver.HttpExchange;
import dev.wirelab.lab04.solution.ReferenceServer;
import java.io.IOException;

/** Classic bug: a poll that timed out answers 200 with an empty array instead of 204 No Content. */
public class PollTimeout200Empty extends ReferenceServer {
  @Override
  protected void pollTimedOut(HttpExchange exchange) throws IOException {
    sendJson(exchange, 200, "[]");
  }
}
