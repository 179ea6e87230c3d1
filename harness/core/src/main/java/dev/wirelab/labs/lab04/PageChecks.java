package dev.wirelab.labs.lab04;

import static dev.wirelab.check.Expectations.complete;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.check.Expectations.status;
import static dev.wirelab.labs.lab04.Lab04Requests.get;
import static dev.wirelab.labs.lab04.Lab04Requests.json;
import static dev.wirelab.labs.lab04.Lab04Requests.latestId;
import static dev.wirelab.labs.lab04.StreamChecks.PATIENCE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.check.Check;
import dev.wirelab.check.CheckFailure;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.OpenStream;
import dev.wirelab.client.PersistentConnection;
import dev.wirelab.client.Requests;
import dev.wirelab.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** The pages a browser opens, and /stats, which shows who is subscribed. */
final class PageChecks {
  private PageChecks() {}

  static List<Check> all() {
    return List.of(pages(), stats());
  }

  static Check pages() {
    CheckInfo info = CheckInfo.builder("CM-19", "/ subscribes with EventSource; /frame.html with a forever frame")
        .points(3).contract().section("HTML Standard §9.2")
        .explanation("The chat page, GET /, receives messages through new EventSource('/events') and posts"
            + " them from a form with the id send; GET /frame.html shows the same through an iframe on"
            + " /stream, the forever-frame technique. The browser test (mvn verify with Chromium) proves they"
            + " work; this check reads the HTML.")
        .build();
    return Check.of(info, context -> {
      Exchange chat = get(context, "/");
      status(chat, 200, "RFC 9110 §15.3.1");
      // Attribute values may be quoted or not (HTML Standard §13.1.2.3); the URL may sit in a variable.
      requireIn(chat, Pattern.compile("new\\s+EventSource\\s*\\("), "new EventSource(…) (on /events)");
      requireIn(chat, Pattern.compile("/events"), "the URL /events");
      requireIn(chat, Pattern.compile("<form\\s[^>]*\\bid\\s*=\\s*[\"']?send[\"'\\s>]"), "<form id=\"send\">");
      Exchange frame = get(context, "/frame.html");
      status(frame, 200, "RFC 9110 §15.3.1");
      requireIn(frame, Pattern.compile("<iframe\\s[^>]*\\bsrc\\s*=\\s*[\"']?/stream"), "<iframe src=\"/stream…\">");
    });
  }

  private static void requireIn(Exchange page, Pattern pattern, String what) throws CheckFailure {
    HttpResponse response = complete(page);
    String html = Lab04Requests.text(page);
    if (!pattern.matcher(html).find()) {
      throw failAt(page, response.bodyOffset(), "a page containing " + what,
          "a page of " + response.body().length + " bytes without it", "HTML Standard §9.2");
    }
  }

  static Check stats() {
    CheckInfo info = CheckInfo.builder("CM-20", "/stats counts the open subscribers of each kind")
        .points(4).contract().section("RFC 9110 §15.3.1").timeout(Duration.ofSeconds(15))
        .explanation("GET /stats returns {\"stream\":A,\"poll\":B,\"events\":C}: the subscribers open right now."
            + " With one /stream, one /events and one held /poll open, each count must be at least one.")
        .build();
    return Check.of(info, context -> {
      long after = latestId(context);
      try (OpenStream stream = StreamChecks.openStream(context, after);
          OpenStream events = EventStreamChecks.openEvents(context);
          PersistentConnection poll = context.connect("a held poll")) {
        stream.awaitUntil(response -> !response.dataChunks().isEmpty(), PATIENCE);
        events.awaitUntil(HttpResponse::headersComplete, PATIENCE);
        poll.send(Requests.persistent("GET", "/poll?after=" + after + "&timeout=5000", context.address()));
        poll.awaitClose(Duration.ofMillis(300));
        Exchange counted = get(context, "/stats");
        status(counted, 200, "RFC 9110 §15.3.1");
        JsonNode stats = json(counted);
        for (String kind : List.of("stream", "events", "poll")) {
          if (!stats.path(kind).canConvertToLong() || stats.path(kind).asLong() < 1) {
            throw failAt(counted, complete(counted).bodyOffset(), "\"" + kind + "\" at least 1 while one is open",
                stats.toString(), "RFC 9110 §15.3.1");
          }
        }
      }
    });
  }
}
