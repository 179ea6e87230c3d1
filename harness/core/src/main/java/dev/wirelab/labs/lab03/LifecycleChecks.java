package dev.wirelab.labs.lab03;

import static dev.wirelab.check.Expectations.body;
import static dev.wirelab.check.Expectations.complete;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.check.Expectations.status;
import static dev.wirelab.labs.lab03.KeptConnections.closedAfter;
import static dev.wirelab.labs.lab03.KeptConnections.hasOption;
import static dev.wirelab.labs.lab03.KeptConnections.lacksOption;
import static dev.wirelab.labs.lab03.KeptConnections.next;
import static dev.wirelab.labs.lab03.KeptConnections.stillOpen;
import static dev.wirelab.labs.lab03.Lab03Requests.HELLO;
import static dev.wirelab.labs.lab03.Lab03Requests.get;
import static dev.wirelab.labs.lab03.Lab03Requests.idleTimeout;
import static dev.wirelab.labs.lab03.Lab03Requests.maxRequests;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.PersistentConnection;
import dev.wirelab.http.HeaderField;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.wire.Ending;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** When a kept connection ends: idle timeout, request limit, and never in the middle of a response. */
final class LifecycleChecks {
  private LifecycleChecks() {}

  static List<Check> all() {
    return List.of(idleTimeoutCloses(), slowResponseNotCut(), maxRequestsPerConnection(), keepAliveHeader());
  }

  static Check idleTimeoutCloses() {
    CheckInfo info = CheckInfo.builder("KA-10", "An idle connection is kept for the idle timeout, then closed")
        .points(6).contract().section("RFC 9112 §9.5").dependsOn("KA-02")
        .explanation("A server may close a connection that has been idle for a while (RFC 9112 §9.5) and should"
            + " do so, or idle clients hold its threads and sockets forever. The contract: close after"
            + " WIRELAB_IDLE_TIMEOUT_MS (the harness sets it) with no byte of a next request, silently or after"
            + " a 408 (RFC 9110 §15.5.9). Judged with wide margins: still open after half the timeout, closed"
            + " within three timeouts and a second. A connection that never sends a first request is idle"
            + " too, and is closed the same way.")
        .timeout(Duration.ofSeconds(25))
        .build();
    return Check.of(info, context -> {
      Duration idle = idleTimeout(context);
      try (PersistentConnection silent = context.connect("a connection that never sends a request");
          PersistentConnection connection = context.connect("idle timeout")) {
        Exchange first = context.exchange(connection, "GET /hello", get(context, "/hello"));
        status(first, 200, "RFC 9112 §9.3");
        stillOpen(first, connection, idle.dividedBy(2), "the idle timeout is " + idle.toMillis()
            + " ms, and half of it has passed", "RFC 9112 §9.5");
        Exchange second = next(context, connection, first, "GET /hello after waiting half the idle timeout",
            get(context, "/hello"), "the idle timeout had not passed", "RFC 9112 §9.5");
        HttpResponse response = complete(second);
        Duration limit = idle.multipliedBy(3).plusSeconds(1);
        Ending ending = connection.awaitClose(limit);
        if (ending == Ending.OPEN) {
          throw failAt(second, response.endOffset(), "the server to close the idle connection about "
              + idle.toMillis() + " ms after this response", "a connection still open " + limit.toMillis()
              + " ms after it", "RFC 9112 §9.5");
        }
        if (connection.unconsumedBytes() > 0) {
          Exchange unasked = context.answerTo(connection, "bytes the server sent before closing", get(context, "/"));
          HttpResponse closing = unasked.response();
          if (!closing.hasStatusLine() || closing.code() != 408) {
            throw failAt(unasked, response.endOffset(), "nothing, or a 408 (Request Timeout), before the idle close",
                connection.unconsumedBytes() + " bytes", "RFC 9110 §15.5.9");
          }
        }
        // By now the silent connection has been idle longer than the other: it must be closed as well.
        if (silent.awaitClose(Duration.ofMillis(500)) == Ending.OPEN) {
          Exchange never = context.answerTo(silent, "a connection that never sent a request", get(context, "/"),
              Duration.ZERO);
          throw failAt(never, 0, "the server to close a connection that sent no request within about "
              + idle.toMillis() + " ms", "a connection still open " + limit.toMillis() + " ms after it opened",
              "RFC 9112 §9.5");
        }
      }
    });
  }

  static Check slowResponseNotCut() {
    CheckInfo info = CheckInfo.builder("KA-11", "A response slower than the idle timeout is not cut off")
        .points(4).contract().section("RFC 9112 §9.5").dependsOn("KA-02").timeout(Duration.ofSeconds(15))
        .explanation("The idle timeout is for a connection with nothing in progress. GET /slow?ms=T with T two"
            + " and a half idle timeouts must be answered in full, and the connection kept for the next"
            + " request, half an idle timeout later: a timer that runs from the request's arrival, or a read"
            + " timeout that also limits how long the server may take to answer, cuts the response off or"
            + " closes the connection right after it.")
        .build();
    return Check.of(info, context -> {
      long slowMillis = idleTimeout(context).multipliedBy(5).dividedBy(2).toMillis();
      String target = Lab03Requests.slow(slowMillis);
      try (PersistentConnection connection = context.connect("slow response")) {
        Exchange slow = context.exchange(connection, "GET " + target, get(context, target));
        status(slow, 200, "RFC 9112 §9.5");
        body(slow, Lab03Requests.slept(slowMillis), "RFC 9112 §6.3");
        // The idle time starts now, after the response, not when the request came.
        stillOpen(slow, connection, idleTimeout(context).dividedBy(2), "the idle timeout starts after the"
            + " response, and half of it has passed", "RFC 9112 §9.5");
        Exchange hello = next(context, connection, slow, "GET /hello after it", get(context, "/hello"),
            PersistenceChecks.PERSISTENT_BY_DEFAULT, "RFC 9112 §9.3");
        status(hello, 200, "RFC 9112 §9.3");
      }
    });
  }

  static Check maxRequestsPerConnection() {
    CheckInfo info = CheckInfo.builder("KA-14", "The last request a connection may carry gets close, then the close")
        .points(5).contract().section("RFC 9112 §9.6").dependsOn("KA-02").timeout(Duration.ofSeconds(15))
        .explanation("A server may limit how many requests one connection carries (WIRELAB_MAX_REQUESTS; the"
            + " harness sets it). It says so in advance: the response to the last request allowed carries"
            + " Connection: close (RFC 9112 §9.6), and the server closes after it. Every response before it"
            + " keeps the connection.")
        .build();
    return Check.of(info, context -> {
      int max = maxRequests(context);
      try (PersistentConnection connection = context.connect("max requests")) {
        Exchange previous = null;
        for (int number = 1; number <= max; number++) {
          String target = "/hello?request=" + number;
          String label = "request " + number + " of " + max + ": GET " + target;
          Exchange exchange = previous == null ? context.exchange(connection, label, get(context, target))
              : next(context, connection, previous, label, get(context, target),
                  "request " + (number - 1) + " was not the last of " + max, "RFC 9112 §9.3");
          status(exchange, 200, "RFC 9112 §9.3");
          body(exchange, HELLO, "RFC 9112 §6.3");
          if (number < max) {
            lacksOption(exchange, "close", "request " + number + " is not the last of " + max, "RFC 9112 §9.6");
          } else {
            hasOption(exchange, "close", "RFC 9112 §9.6");
            closedAfter(exchange, connection, Lab03Requests.closeWindow(context),
                "request " + max + " is the last one a connection may carry", "RFC 9112 §9.6");
          }
          previous = exchange;
        }
      }
    });
  }

  static Check keepAliveHeader() {
    CheckInfo info = CheckInfo.builder("KA-15", "Keep-Alive: timeout=S, max=M states the policy, counting down")
        .points(3).contract().section("RFC 9112 §9.3 (Keep-Alive: RFC 2068 §19.7.1.1)").dependsOn("KA-02")
        .explanation("Keep-Alive is not in RFC 9112; it comes from HTTP/1.0 practice (RFC 2068 §19.7.1.1) and"
            + " servers such as Apache still send it. The contract: every response that keeps the connection"
            + " says Keep-Alive: timeout=S, max=M, where S is the idle timeout in whole seconds and M how many"
            + " more requests the connection will take after this one.")
        .build();
    return Check.of(info, context -> {
      long seconds = idleTimeout(context).toSeconds();
      int max = maxRequests(context);
      try (PersistentConnection connection = context.connect("Keep-Alive")) {
        Exchange previous = null;
        for (int number = 1; number <= 3; number++) {
          String label = "request " + number + ": GET /hello";
          Exchange exchange = previous == null ? context.exchange(connection, label, get(context, "/hello"))
              : next(context, connection, previous, label, get(context, "/hello"),
                  PersistenceChecks.PERSISTENT_BY_DEFAULT, "RFC 9112 §9.3");
          keepAliveSays(exchange, seconds, max - number);
          previous = exchange;
        }
      }
    });
  }

  private static void keepAliveSays(Exchange exchange, long timeoutSeconds, int remaining)
      throws dev.wirelab.check.CheckFailure {
    HttpResponse response = complete(exchange);
    String expected = "\"Keep-Alive: timeout=" + timeoutSeconds + ", max=" + remaining + "\"";
    Optional<HeaderField> field = response.headers().field("Keep-Alive");
    if (field.isEmpty()) {
      throw failAt(exchange, response.bodyOffset() - 2, expected, "no Keep-Alive field",
          "RFC 9112 §9.3 (Keep-Alive: RFC 2068 §19.7.1.1)");
    }
    Long timeout = null;
    Long max = null;
    for (String parameter : field.get().value().split(",")) {
      String[] nameAndValue = parameter.split("=", 2);
      if (nameAndValue.length != 2) continue;
      String name = nameAndValue[0].strip().toLowerCase(Locale.ROOT);
      String value = nameAndValue[1].strip();
      if (!value.matches("[0-9]{1,9}")) continue;
      if (name.equals("timeout")) timeout = Long.parseLong(value);
      if (name.equals("max")) max = Long.parseLong(value);
    }
    if (timeout == null || timeout != timeoutSeconds || max == null || max != remaining) {
      throw failAt(exchange, field.get().offset(), expected, "\"" + field.get() + "\"",
          "RFC 9112 §9.3 (Keep-Alive: RFC 2068 §19.7.1.1)");
    }
  }
}
