package dev.wirelab.labs.lab04;

import static dev.wirelab.check.Expectations.complete;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.check.Expectations.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.check.CheckContext;
import dev.wirelab.check.CheckFailure;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.Requests;
import dev.wirelab.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The requests Lab 04's checks send, the JSON they read back, and the lab's settings. */
final class Lab04Requests {
  static final String PRELUDE_SETTING = "PRELUDE_BYTES";
  static final String HEARTBEAT_SETTING = "HEARTBEAT_MS";
  static final String RETRY_SETTING = "RETRY_MS";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Lab04Requests() {}

  /** POST /messages with {@code body} as it is, on a connection of its own. */
  static Exchange post(CheckContext context, String label, byte[] body) {
    return context.send(label, Requests.withBody("POST", "/messages", context.address(), body,
        "Content-Type: text/plain; charset=utf-8", "Connection: close"));
  }

  /** Posts {@code text} and returns the id the server gave it; anything else fails the check. */
  static long postMessage(CheckContext context, String text) throws CheckFailure {
    Exchange posted = post(context, "POST /messages \"" + abbreviate(text) + "\"", utf8(text));
    status(posted, 201, "RFC 9110 §15.3.2");
    return idOf(posted);
  }

  /** The id in a 201's {@code {"id":N}} body. */
  static long idOf(Exchange posted) throws CheckFailure {
    JsonNode body = json(posted);
    JsonNode id = body.get("id");
    if (id == null || !id.canConvertToLong()) {
      throw failAt(posted, complete(posted).bodyOffset(), "a body {\"id\":N}", "\"" + text(posted) + "\"",
          "RFC 9110 §15.3.2");
    }
    return id.asLong();
  }

  /**
   * The newest id the server has: what a subscriber that wants only new messages starts after. A page
   * holds at most 1000 messages, so this reads pages until one is empty.
   */
  static long latestId(CheckContext context) throws CheckFailure {
    long latest = 0;
    for (int page = 0; page < 10_000; page++) {
      Exchange listed = get(context, "/messages?after=" + latest);
      status(listed, 200, "RFC 9110 §15.3.1");
      long newest = latest;
      for (JsonNode message : json(listed)) newest = Math.max(newest, message.path("id").asLong());
      if (newest == latest) return latest;
      latest = newest;
    }
    return latest;
  }

  static Exchange get(CheckContext context, String target, String... extraFields) {
    return context.send("GET " + target, Requests.request("GET", target, context.address(), extraFields));
  }

  /** The body as JSON; a body that is not JSON fails the check where it starts. */
  static JsonNode json(Exchange exchange) throws CheckFailure {
    HttpResponse response = complete(exchange);
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw failAt(exchange, response.bodyOffset(), "a JSON body", "\"" + abbreviate(text(exchange)) + "\"",
          "RFC 8259 §2");
    }
  }

  static String text(Exchange exchange) {
    return new String(exchange.response().body(), StandardCharsets.UTF_8);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String abbreviate(String text) {
    String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 39) + "…";
  }

  static int preludeBytes(CheckContext context) {
    return Integer.parseInt(context.setting(PRELUDE_SETTING));
  }

  /** How long a check lets a new subscriber settle into its wait before it posts. */
  private static final Duration SETTLE = Duration.ofMillis(200);

  /**
   * Lets a subscriber whose opening just arrived reach its wait before the check posts. A correct server
   * is ready at once; one with a lost-wakeup race (CM-10's business) loses a message posted in that
   * moment or not as its threads happen to be scheduled, and the same server must score the same
   * every run.
   */
  static void letSubscriberSettle(CheckContext context) {
    context.pause(SETTLE);
  }

  static Duration heartbeat(CheckContext context) {
    return Duration.ofMillis(Long.parseLong(context.setting(HEARTBEAT_SETTING)));
  }

  static long retryMillis(CheckContext context) {
    return Long.parseLong(context.setting(RETRY_SETTING));
  }

  /** "[1, 2, 3]", or the first eight and how many more: a diagnostic stays one line. */
  static String ids(java.util.List<Long> ids) {
    return ids.size() <= 8 ? ids.toString() : ids.subList(0, 8) + " and " + (ids.size() - 8) + " more";
  }
}
