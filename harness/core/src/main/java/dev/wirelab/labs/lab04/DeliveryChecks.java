package dev.wirelab.labs.lab04;

import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.labs.lab04.Lab04Requests.heartbeat;
import static dev.wirelab.labs.lab04.Lab04Requests.latestId;
import static dev.wirelab.labs.lab04.Lab04Requests.postMessage;
import static dev.wirelab.labs.lab04.StreamChecks.PATIENCE;
import static dev.wirelab.labs.lab04.StreamChecks.awaitPrelude;
import static dev.wirelab.labs.lab04.StreamChecks.openStream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.check.Check;
import dev.wirelab.check.CheckContext;
import dev.wirelab.check.CheckFailure;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.OpenStream;
import dev.wirelab.client.PersistentConnection;
import dev.wirelab.client.Requests;
import dev.wirelab.wire.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many readers, many writers: every subscriber gets every message once, in order, and leaves cleanly. */
final class DeliveryChecks {
  private DeliveryChecks() {}

  static List<Check> all() {
    return List.of(everySubscriberGetsEverything(), concurrentPostersLoseNothing(), closedSubscriberLeaves());
  }

  static Check everySubscriberGetsEverything() {
    CheckInfo info = CheckInfo.builder("CM-09", "Five subscribers each get every message once, in order")
        .points(7).contract().section("RFC 6202 §2.2").dependsOn("CM-05").timeout(Duration.ofSeconds(20))
        .explanation("The seed marked a message read (update message set flag = 1) when one reader had"
            + " fetched it, so the next reader never saw it: one flag for everybody serves one reader only."
            + " Each subscriber keeps its own cursor, the last id it sent. Five streams are open while ten"
            + " messages are posted; each stream must carry all ten, once each, in id order.")
        .build();
    return Check.of(info, context -> {
      long before = latestId(context);
      List<OpenStream> streams = new ArrayList<>();
      try {
        for (int i = 0; i < 5; i++) {
          OpenStream stream = openStream(context, before);
          streams.add(stream);
          awaitPrelude(context, stream);
        }
        List<Long> posted = new ArrayList<>();
        for (int number = 1; number <= 10; number++) posted.add(postMessage(context, "for everyone " + number));
        assertEachGot(context, streams, posted);
      } finally {
        streams.forEach(OpenStream::close);
      }
    });
  }

  static Check concurrentPostersLoseNothing() {
    CheckInfo info = CheckInfo.builder("CM-10", "4 posters × 50 messages, 5 subscribers: nothing lost, nothing twice")
        .points(7).contract().section("RFC 6202 §2.2").dependsOn("CM-05").timeout(Duration.ofSeconds(40))
        .explanation("Four clients post 50 messages each at the same time while five streams are open. Every"
            + " stream must carry all 200, each once, ids ascending, within a few seconds. A subscriber that"
            + " sends only the row that woke it drops the others that came with it; ids that become visible"
            + " out of order make a cursor skip one. (A wake-up missed by checking outside the lock only"
            + " delays a message until the wait's timeout, so it shows here only if it loses one.)")
        .build();
    return Check.of(info, context -> {
      long before = latestId(context);
      List<OpenStream> streams = new ArrayList<>();
      ExecutorService posters = Executors.newFixedThreadPool(4);
      try {
        for (int i = 0; i < 5; i++) {
          OpenStream stream = openStream(context, before);
          streams.add(stream);
          awaitPrelude(context, stream);
        }
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int poster = 1; poster <= 4; poster++) {
          int number = poster;
          results.add(posters.submit(() -> postFifty(context, number)));
        }
        List<Long> posted = new ArrayList<>();
        for (Future<List<Long>> result : results) posted.addAll(result.get());
        Collections.sort(posted);
        assertEachGot(context, streams, posted);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof CheckFailure failure) throw failure;
        throw new IllegalStateException("a poster failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while posting", e);
      } finally {
        posters.shutdownNow();
        streams.forEach(OpenStream::close);
      }
    });
  }

  /** Fifty POSTs on one kept connection: a poster that talks fast. */
  private static List<Long> postFifty(CheckContext context, int poster) throws CheckFailure {
    List<Long> ids = new ArrayList<>();
    try (PersistentConnection connection = context.connect("poster " + poster)) {
      for (int number = 1; number <= 50; number++) {
        byte[] body = Lab04Requests.utf8("poster " + poster + " message " + number);
        Exchange posted = connection.exchange("poster " + poster + ": POST /messages #" + number,
            Requests.withBody("POST", "/messages", context.address(), body, "Content-Type: text/plain"),
            Deadline.after(Duration.ofSeconds(5)));
        dev.wirelab.check.Expectations.status(posted, 201, "RFC 9110 §15.3.2");
        ids.add(Lab04Requests.idOf(posted));
      }
    }
    return ids;
  }

  /** Each stream carries exactly {@code posted}, in that order, within a few seconds. */
  private static void assertEachGot(CheckContext context, List<OpenStream> streams, List<Long> posted)
      throws CheckFailure {
    long last = posted.get(posted.size() - 1);
    for (int i = 0; i < streams.size(); i++) {
      OpenStream stream = streams.get(i);
      stream.awaitUntil(response -> StreamedChunks.paragraphIds(response).containsAll(posted), PATIENCE);
      stream.watch(Duration.ofMillis(100)); // a duplicate sent right after would show now
      Exchange seen = context.record(stream);
      // Every paragraph counts here, however the chunks were cut: chunking is CM-06's business.
      List<Long> got = StreamedChunks.paragraphIds(seen.response());
      if (!got.equals(posted)) {
        throw failAt(seen, seen.transcript().receivedTotal(), "subscriber " + (i + 1) + " of " + streams.size()
                + " to get all " + posted.size() + " messages once, ids ascending (up to " + last + ")",
            describeDifference(posted, got), "RFC 6202 §2.2");
      }
    }
  }

  static String describeDifference(List<Long> expected, List<Long> got) {
    List<Long> missing = new ArrayList<>(expected);
    missing.removeAll(got);
    List<Long> twice = got.stream().filter(id -> Collections.frequency(got, id) > 1).distinct().toList();
    List<Long> sorted = new ArrayList<>(got);
    Collections.sort(sorted);
    String order = sorted.equals(got) ? "" : ", out of order";
    return got.size() + " messages; missing " + Lab04Requests.ids(missing) + "; twice " + Lab04Requests.ids(twice)
        + order;
  }

  static Check closedSubscriberLeaves() {
    CheckInfo info = CheckInfo.builder("CM-12", "A subscriber that leaves disappears from /stats")
        .points(5).contract().section("RFC 6202 §5.5").dependsOn("CM-05").timeout(Duration.ofSeconds(25))
        .explanation("A reader that closes its connection must be noticed (at the latest when the next"
            + " heartbeat's write fails) and its thread, socket and place in the subscriber list released;"
            + " otherwise every page reload leaks one. The stream count in /stats must drop within a few"
            + " heartbeat intervals after the harness closes its stream.")
        .build();
    return Check.of(info, context -> {
      // Streams that earlier checks closed may still be counted for a heartbeat or two: wait until the
      // count stops falling, so that their leaving is not taken for this one's.
      long settled = streamCount(context);
      for (int round = 0; round < 10; round++) {
        context.pause(heartbeat(context).multipliedBy(2));
        long now = streamCount(context);
        if (now == settled) break;
        settled = now;
      }
      OpenStream stream = openStream(context, latestId(context));
      awaitPrelude(context, stream);
      long withIt = streamCount(context);
      stream.close();
      Duration limit = heartbeat(context).multipliedBy(4).plusSeconds(1);
      long deadline = System.nanoTime() + limit.toNanos();
      long now = withIt;
      while (System.nanoTime() < deadline) {
        now = streamCount(context);
        if (now < withIt) return;
        context.pause(Duration.ofMillis(100));
      }
      Exchange stats = Lab04Requests.get(context, "/stats");
      throw failAt(stats, dev.wirelab.check.Expectations.complete(stats).bodyOffset(),
          "a stream count below " + withIt + " within " + limit.toMillis() + " ms of the subscriber leaving",
          "\"stream\": " + now, "RFC 6202 §5.5");
    });
  }

  static long streamCount(CheckContext context) throws CheckFailure {
    JsonNode stats = Lab04Requests.json(Lab04Requests.get(context, "/stats"));
    return stats.path("stream").asLong(-1);
  }
}
