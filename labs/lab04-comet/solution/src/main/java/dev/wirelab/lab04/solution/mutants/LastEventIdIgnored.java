package dev.wirelab.lab04.solution.mutants;

import com.sun.net.httpserver.HttpExchange;
import dev.wirelab.lab04.solution.Query;
import dev.wirelab.lab04.solution.ReferenceServer;
import dev.wirelab.lab04.solution.Rejection;
import java.util.OptionalLong;

/** Classic bug: a reconnecting EventSource's Last-Event-ID is ignored, so what it missed is lost. */
public class LastEventIdIgnored extends ReferenceServer {
  @Override
  protected OptionalLong resumeAfter(HttpExchange exchange) throws Rejection {
    return Query.of(exchange.getRequestURI()).number("after", Long.MAX_VALUE);
  }
}
