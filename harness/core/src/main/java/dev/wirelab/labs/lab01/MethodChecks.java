package dev.wirelab.labs.lab01;

import static dev.wirelab.check.Expectations.answered;
import static dev.wirelab.check.Expectations.complete;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.check.Expectations.nothingAfter;
import static dev.wirelab.check.Expectations.header;
import static dev.wirelab.check.Expectations.allowOnly;
import static dev.wirelab.check.Expectations.noHeader;
import static dev.wirelab.check.Expectations.status;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckContext;
import dev.wirelab.check.CheckFailure;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.Requests;
import dev.wirelab.http.HttpResponse;
import java.util.List;
import java.util.Set;

/** Checks on the requests that get no body back or a refusal: HEAD, 204, 405 and 400. */
final class MethodChecks {
  private MethodChecks() {}

  static List<Check> all() {
    return List.of(head(), noContent(), methodNotAllowed(), notHttp());
  }

  static Check head() {
    CheckInfo info = CheckInfo.builder("CL-17", "HEAD gets the same status and headers as GET, and no body")
        .points(6).contract().section("RFC 9110 §9.3.2").dependsOn("CL-01")
        .explanation("HEAD is GET without the body: the same Content-Length (of the body that GET would"
            + " send), but the response ends at the empty line. A body sent anyway is read as the start"
            + " of the next response.")
        .build();
    return Check.of(info, context -> {
      headMatchesGet(context, "/hello", HelloChecks.HELLO_BODY.length);
      headMatchesGet(context, "/files/" + Lab01Fixtures.BINARY_FILE, 256);
    });
  }

  private static void headMatchesGet(CheckContext context, String target, int length) throws CheckFailure {
    Exchange get = context.send("GET " + target, Requests.get(target, context.address()));
    Exchange head = context.send("HEAD " + target, Requests.head(target, context.address()));
    status(head, 200, "RFC 9110 §9.3.2");
    header(head, "Content-Length", Integer.toString(length), "RFC 9110 §9.3.2");
    String getType = answered(get).headers().value("Content-Type").orElse("(none)");
    HttpResponse response = complete(head);
    String headType = response.headers().value("Content-Type").orElse("(none)");
    if (!getType.equals(headType)) {
      throw failAt(head, response.headers().field("Content-Type").map(field -> field.offset())
              .orElse(response.bodyOffset() - 2),
          "Content-Type " + getType + ", as for GET", headType, "RFC 9110 §9.3.2");
    }
    nothingAfter(head, "the header section of a HEAD response", "RFC 9110 §9.3.2");
  }

  static Check noContent() {
    CheckInfo info = CheckInfo.builder("CL-18", "GET /no-content answers 204 with no Content-Length and no body")
        .points(5).section("RFC 9110 §8.6, §15.3.5").dependsOn("CL-01")
        .explanation("A 204 response ends at the empty line after its header section (RFC 9112 §6.3 rule 1)"
            + " and a server must not send Content-Length in it (RFC 9110 §8.6).")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = context.send("GET /no-content", Requests.get("/no-content", context.address()));
      status(exchange, 204, "RFC 9110 §15.3.5");
      noHeader(exchange, "Content-Length", "RFC 9110 §8.6");
      nothingAfter(exchange, "the header section of a 204", "RFC 9110 §15.3.5");
    });
  }

  static Check methodNotAllowed() {
    CheckInfo info = CheckInfo.builder("CL-19", "DELETE /hello gets 405 with Allow: GET, HEAD")
        .points(3).section("RFC 9110 §15.5.6").dependsOn("CL-01")
        .explanation("405 Method Not Allowed says the resource exists but not for this method; the server"
            + " must list the methods it does support in an Allow field.")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = context.send("DELETE /hello", Requests.request("DELETE", "/hello", context.address()));
      allowOnly(exchange, Set.of("GET", "HEAD"));
    });
  }

  static Check notHttp() {
    CheckInfo info = CheckInfo.builder("CL-20", "A request line that is not HTTP gets 400 Bad Request")
        .points(3).contract().section("RFC 9112 §3").dependsOn("CL-01")
        .explanation("request-line = method SP request-target SP HTTP-version CRLF. RFC 9112 §3 says a"
            + " server SHOULD answer an invalid one with 400; this lab's contract requires it.")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = context.send("hello there", Requests.raw("hello there\r\n\r\n"));
      status(exchange, 400, "RFC 9112 §3");
    });
  }
}
