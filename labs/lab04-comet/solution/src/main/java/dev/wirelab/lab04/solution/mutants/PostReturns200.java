package dev.wirelab.lab04.solution.mutants;

import com.sun.net.httpserver.HttpExchange;
import dev.wirelab.lab04.solution.Json;
import dev.wirelab.lab04.solution.ReferenceServer;
import java.io.IOException;

/** Classic bug: a POST that creates a resource answers 200, and says nowhere where the new message is. */
public class PostReturns200 extends ReferenceServer {
  @Override
  protected void created(HttpExchange exchange, long id) throws IOException {
    sendJson(exchange, 200, Json.id(id));
  }
}
