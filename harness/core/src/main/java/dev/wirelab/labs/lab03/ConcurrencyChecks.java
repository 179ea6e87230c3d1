package dev.wirelab.labs.lab03;

import static dev.wirelab.check.Expectations.body;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.check.Expectations.status;
import static dev.wirelab.labs.lab03.Lab03Requests.HELLO;
import static dev.wirelab.labs.lab03.Lab03Requests.ascii;
import static dev.wirelab.labs.lab03.Lab03Requests.get;
import static dev.wirelab.labs.lab03.Lab03Requests.idleTimeout;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckContext;
import dev.wirelab.check.CheckFailure;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.PersistentConnection;
import dev.wirelab.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Many connections at once: an idle or slow client must not hold up anyone else. */
final class ConcurrencyChecks {
  private ConcurrencyChecks() {}

  static List<Check> all() {
    return List.of(idleAndSlowClientsDelayNoOne());
  }

  @SuppressWarnings("try") // the silent connection is opened, and kept, only to be idle
  static Check idleAndSlowClientsDelayNoOne() {
    CheckInfo info = CheckInfo.builder("KA-16", "Idle and slow clients do not delay a fast one")
        .points(4).contract().section("RFC 9112 §9.3").dependsOn("KA-01").timeout(Duration.ofSeconds(20))
        .explanation("Kept connections spend most of their life idle, so a server that serves one connection"
            + " at a time serves almost nobody. Four connections open in this order: one that sends"
            + " nothing, one that stops in the middle of a request head, one that asks for /slow, and one"
            + " that asks for /hello. The last must be answered before /slow could have finished, whichever"
            + " order a sequential server took the others in. Judged by order, not by a tight time bound.")
        .build();
    return Check.of(info, context -> {
      Duration slowFor = idleTimeout(context).multipliedBy(3).dividedBy(2).plusMillis(500);
      String slowTarget = Lab03Requests.slow(slowFor.toMillis());
      // A pause after each connection lets a server that takes connections one at a time take them in
      // this order, whatever order its threads happen to start in: no luck involved.
      try (PersistentConnection silent = context.connect("a client that sends nothing")) {
        context.pause(GAP);
        try (PersistentConnection halfway = context.connect("a client stopped mid-head")) {
          halfway.send(ascii("GET /hello HTTP/1.1\r\nHost: " + context.address().getAddress().getHostAddress()
              + "\r\nX-Waiting-For"));
          context.pause(GAP);
          try (PersistentConnection slow = context.connect("GET " + slowTarget)) {
            byte[] slowRequest = get(context, slowTarget);
            long slowSentNanos = System.nanoTime();
            slow.send(slowRequest);
            context.pause(GAP);
            try (PersistentConnection fast = context.connect("GET /hello")) {
              fastAnsweredFirst(context, fast, slow, slowRequest, slowTarget, slowFor, slowSentNanos);
            }
          }
        }
      }
    });
  }

  private static final Duration GAP = Duration.ofMillis(200);

  /** The fourth connection's /hello comes back while the third one's /slow is still sleeping. */
  private static void fastAnsweredFirst(CheckContext context, PersistentConnection fast, PersistentConnection slow,
      byte[] slowRequest, String slowTarget, Duration slowFor, long slowSentNanos) throws CheckFailure {
    Exchange quick = context.exchange(fast, "GET /hello on the fourth connection", get(context, "/hello"), slowFor);
    long quickMillis = (System.nanoTime() - slowSentNanos) / 1_000_000;
    HttpResponse response = quick.response();
    if (!response.complete() || quickMillis >= slowFor.toMillis()) {
      long at = response.complete() ? response.statusLine().offset() : quick.transcript().receivedTotal();
      throw failAt(quick, at, "GET /hello answered while GET " + slowTarget + " on another connection was"
              + " still sleeping (within " + slowFor.toMillis() + " ms)",
          response.complete() ? "the answer " + quickMillis + " ms after the slow request"
              : "no complete answer after " + quickMillis + " ms", "RFC 9112 §9.3");
    }
    status(quick, 200, "RFC 9112 §9.3");
    body(quick, HELLO, "RFC 9112 §6.3");
    Exchange slept = context.answerTo(slow, "GET " + slowTarget + " on the third connection", slowRequest);
    status(slept, 200, "RFC 9112 §9.3");
    body(slept, Lab03Requests.slept(slowFor.toMillis()), "RFC 9112 §6.3");
  }
}
