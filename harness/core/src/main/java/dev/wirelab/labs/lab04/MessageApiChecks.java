package dev.wirelab.labs.lab04;

import static dev.wirelab.check.Expectations.complete;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.check.Expectations.status;
import static dev.wirelab.labs.lab04.Lab04Requests.get;
import static dev.wirelab.labs.lab04.Lab04Requests.idOf;
import static dev.wirelab.labs.lab04.Lab04Requests.json;
import static dev.wirelab.labs.lab04.Lab04Requests.latestId;
import static dev.wirelab.labs.lab04.Lab04Requests.post;
import static dev.wirelab.labs.lab04.Lab04Requests.postMessage;
import static dev.wirelab.labs.lab04.Lab04Requests.utf8;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirelab.check.Check;
import dev.wirelab.check.CheckContext;
import dev.wirelab.check.CheckFailure;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.client.Exchange;
import dev.wirelab.http.HeaderField;
import dev.wirelab.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Storing and reading messages: the plain request/response part of the chat. */
final class MessageApiChecks {
  private MessageApiChecks() {}

  static List<Check> all() {
    return List.of(postStores(), postValidates(), listAfter());
  }

  static Check postStores() {
    CheckInfo info = CheckInfo.builder("CM-01", "POST /messages: 201, Location, {\"id\":N}, and the message is there")
        .points(4).contract().section("RFC 9110 §15.3.2")
        .explanation("A POST that creates a resource answers 201 Created with a Location field naming it"
            + " (RFC 9110 §15.3.2, §10.2.2). The contract: Location: /messages/{id}, body {\"id\":N}, and"
            + " GET of that location returns the message with its content.")
        .build();
    return Check.of(info, context -> {
      String text = "hello, comet 世界";
      Exchange posted = post(context, "POST /messages \"" + text + "\"", utf8(text));
      status(posted, 201, "RFC 9110 §15.3.2");
      long id = idOf(posted);
      HttpResponse response = complete(posted);
      String expectedLocation = "/messages/" + id;
      var location = response.headers().field("Location");
      // RFC 9110 §10.2.2: a URI reference, relative or absolute; either way it must name /messages/{id}.
      boolean names = location.isPresent() && (location.get().value().equals(expectedLocation)
          || location.get().value().matches("https?://[^/]+" + java.util.regex.Pattern.quote(expectedLocation)));
      if (!names) {
        throw failAt(posted, location.map(HeaderField::offset).orElse(response.bodyOffset() - 2),
            "\"Location: " + expectedLocation + "\"",
            location.map(field -> "\"" + field + "\"").orElse("no Location field"), "RFC 9110 §10.2.2");
      }
      Exchange fetched = get(context, expectedLocation);
      status(fetched, 200, "RFC 9110 §15.3.1");
      JsonNode message = json(fetched);
      if (message.path("id").asLong() != id || !text.equals(message.path("content").asText(null))) {
        throw failAt(fetched, complete(fetched).bodyOffset(), "{\"id\":" + id + ",\"content\":\"" + text + "\",…}",
            message.toString(), "RFC 9110 §9.3.1");
      }
    });
  }

  static Check postValidates() {
    CheckInfo info = CheckInfo.builder("CM-02", "POST /messages refuses empty, non-UTF-8 and over-long text")
        .points(5).contract().section("RFC 9110 §15.5.1, §15.5.14")
        .explanation("A message is 1 to 200 characters (Unicode code points, not bytes and not Java chars) of"
            + " valid UTF-8. Empty or not UTF-8: 400 Bad Request. Longer: 413 Content Too Large"
            + " (RFC 9110 §15.5.14). 200 emoji, 800 bytes, are fine. Nothing is stored on error.")
        .build();
    return Check.of(info, context -> {
      long before = latestId(context);
      refused(context, "an empty body", new byte[0], 400);
      refused(context, "bytes that are not UTF-8", new byte[] {'h', 'i', (byte) 0xFF, (byte) 0xFE}, 400);
      refused(context, "201 characters", utf8("界".repeat(201)), 413);
      long accepted = postMessage(context, "😀".repeat(200));
      List<Long> stored = new ArrayList<>();
      Exchange listed = get(context, "/messages?after=" + before);
      for (JsonNode message : json(listed)) stored.add(message.path("id").asLong());
      if (!stored.equals(List.of(accepted))) {
        throw failAt(listed, complete(listed).bodyOffset(), "only the 200-emoji message stored after id " + before
            + " (id " + accepted + ")", "ids " + Lab04Requests.ids(stored), "RFC 9110 §15.5.1");
      }
    });
  }

  private static void refused(CheckContext context, String what, byte[] body, int expectedStatus)
      throws CheckFailure {
    Exchange posted = post(context, "POST /messages with " + what, body);
    status(posted, expectedStatus, expectedStatus == 413 ? "RFC 9110 §15.5.14" : "RFC 9110 §15.5.1");
  }

  static Check listAfter() {
    CheckInfo info = CheckInfo.builder("CM-03", "GET /messages?after=ID lists the later messages, oldest first")
        .points(4).contract().section("RFC 9110 §9.3.1")
        .explanation("The id is the cursor every subscriber keeps. GET /messages?after=ID returns a JSON array"
            + " of the messages with an id greater than ID, in ascending id order, each with id, content and"
            + " createdAt.")
        .build();
    return Check.of(info, context -> {
      long first = postMessage(context, "first of three");
      long second = postMessage(context, "second of three");
      long third = postMessage(context, "third of three");
      Exchange listed = get(context, "/messages?after=" + first);
      status(listed, 200, "RFC 9110 §15.3.1");
      JsonNode messages = json(listed);
      List<Long> ids = new ArrayList<>();
      boolean fieldsPresent = true;
      for (JsonNode message : messages) {
        ids.add(message.path("id").asLong());
        fieldsPresent &= message.has("id") && message.has("content") && message.has("createdAt");
      }
      if (!ids.equals(List.of(second, third)) || !fieldsPresent) {
        throw failAt(listed, complete(listed).bodyOffset(), "messages " + second + " and " + third
                + " (ids after " + first + ", ascending), each with id, content and createdAt",
            "ids " + Lab04Requests.ids(ids) + (fieldsPresent ? "" : ", some without id, content or createdAt"),
            "RFC 9110 §9.3.1");
      }
    });
  }
}
