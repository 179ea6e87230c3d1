package dev.wirelab.labs.lab04;

import static dev.wirelab.check.Expectations.complete;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.check.Expectations.status;
import static dev.wirelab.labs.lab04.Lab04Requests.json;
import static dev.wirelab.labs.lab04.Lab04Requests.latestId;
import static dev.wirelab.labs.lab04.Lab04Requests.postMessage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.check.Check;
import dev.wirelab.check.CheckContext;
import dev.wirelab.check.CheckFailure;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.PersistentConnection;
import dev.wirelab.client.Requests;
import dev.wirelab.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * GET /poll: long polling. The request waits on the server until there is something to say, then gets
 * an ordinary complete response; the client asks again on the same connection.
 */
final class LongPollChecks {
  private LongPollChecks() {}

  static List<Check> all() {
    return List.of(immediate(), heldThenWoken(), timesOut());
  }

  private static byte[] poll(CheckContext context, long after, long timeoutMillis) {
    return Requests.persistent("GET", "/poll?after=" + after + "&timeout=" + timeoutMillis, context.address());
  }

  static Check immediate() {
    CheckInfo info = CheckInfo.builder("CM-13", "A long poll for messages that exist is answered at once")
        .points(4).contract().section("RFC 6202 §2.1")
        .explanation("When messages after the given id are already stored, there is nothing to wait for: 200"
            + " with the JSON array at once, well before the poll's timeout (here 4 s; judged at half).")
        .build();
    return Check.of(info, context -> {
      long before = latestId(context);
      long id = postMessage(context, "already here");
      long timeout = 4000;
      try (PersistentConnection connection = context.connect("long poll")) {
        long start = System.nanoTime();
        Exchange polled = context.exchange(connection, "GET /poll?after=" + before + "&timeout=" + timeout,
            poll(context, before, timeout), Duration.ofMillis(timeout / 2));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        if (!polled.response().complete()) {
          throw failAt(polled, polled.transcript().receivedTotal(), "an answer at once: message " + id
              + " was already stored", "nothing after " + tookMillis + " ms", "RFC 6202 §2.1");
        }
        status(polled, 200, "RFC 6202 §2.1");
        assertIds(polled, List.of(id));
      }
    });
  }

  static Check heldThenWoken() {
    CheckInfo info = CheckInfo.builder("CM-14", "A long poll is held, then answered within 250 ms of a POST")
        .points(6).contract().section("RFC 6202 §2.1").dependsOn("CM-13").timeout(Duration.ofSeconds(20))
        .explanation("With nothing new, the server holds the request (no response for now), and answers it"
            + " as soon as a message is posted: within 250 ms of the POST's response. Then the client polls"
            + " again on the same kept connection, and the same happens. A server that checks once a second"
            + " answers up to a second late.")
        .build();
    return Check.of(info, context -> {
      try (PersistentConnection connection = context.connect("long poll")) {
        for (int round = 1; round <= 2; round++) {
          long after = latestId(context);
          byte[] request = poll(context, after, 10_000);
          connection.send(request);
          connection.awaitClose(Duration.ofMillis(500)); // held: nothing may come yet
          if (connection.unconsumedBytes() > 0 || connection.ending() != dev.wirelab.wire.Ending.OPEN) {
            Exchange early = context.answerTo(connection, "poll " + round + " (answered with nothing new)", request);
            throw failAt(early, connection.startOffsets().get(connection.startOffsets().size() - 1),
                "the poll held while there is nothing new", "an answer within 500 ms: " + early.outcome(),
                "RFC 6202 §2.1");
          }
          long id = postMessage(context, "wakes poll " + round);
          long postAnsweredNanos = System.nanoTime();
          Exchange woken = context.answerTo(connection, "poll " + round + ": GET /poll?after=" + after, request);
          status(woken, 200, "RFC 6202 §2.1");
          HttpResponse response = complete(woken);
          long arrivalNanos = woken.transcript().absoluteNanos(woken.transcript().arrivalNanos(response.endOffset() - 1));
          long delayMillis = Math.max(0, arrivalNanos - postAnsweredNanos) / 1_000_000;
          if (delayMillis >= 250) {
            throw failAt(woken, response.statusLine().offset(), "the answer within 250 ms of the POST",
                "the answer " + delayMillis + " ms after it", "RFC 6202 §2.1");
          }
          assertIds(woken, List.of(id));
        }
      }
    });
  }

  static Check timesOut() {
    CheckInfo info = CheckInfo.builder("CM-15", "A long poll with nothing new ends with 204 at its timeout")
        .points(4).contract().section("RFC 9110 §15.3.5").dependsOn("CM-13").timeout(Duration.ofSeconds(15))
        .explanation("When the timeout passes with nothing new, the answer is 204 No Content (RFC 9110"
            + " §15.3.5): a complete response with no body, after which the client simply asks again."
            + " Judged loosely: not before half the timeout (1 s), and within it plus two seconds.")
        .build();
    return Check.of(info, context -> {
      long after = latestId(context);
      long timeout = 1000;
      try (PersistentConnection connection = context.connect("long poll timeout")) {
        long start = System.nanoTime();
        Exchange polled = context.exchange(connection, "GET /poll?after=" + after + "&timeout=" + timeout,
            poll(context, after, timeout), Duration.ofMillis(timeout + 2000));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        status(polled, 204, "RFC 9110 §15.3.5");
        HttpResponse response = complete(polled);
        if (tookMillis < timeout / 2) {
          throw failAt(polled, response.statusLine().offset(), "the 204 after about " + timeout + " ms",
              "a 204 after " + tookMillis + " ms", "RFC 6202 §2.1");
        }
      }
    });
  }

  private static void assertIds(Exchange polled, List<Long> expected) throws CheckFailure {
    JsonNode messages = json(polled);
    List<Long> ids = new ArrayList<>();
    for (JsonNode message : messages) ids.add(message.path("id").asLong());
    if (!ids.equals(expected)) {
      throw failAt(polled, complete(polled).bodyOffset(), "a JSON array with message(s) " + expected,
          "ids " + Lab04Requests.ids(ids), "RFC 6202 §2.1");
    }
  }
}
