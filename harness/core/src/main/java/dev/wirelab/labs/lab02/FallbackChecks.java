package dev.wirelab.labs.lab02;

import static dev.wirelab.check.Expectations.allowOnly;
import static dev.wirelab.check.Expectations.body;
import static dev.wirelab.check.Expectations.complete;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.check.Expectations.nothingAfter;
import static dev.wirelab.check.Expectations.noHeader;
import static dev.wirelab.check.Expectations.status;
import static dev.wirelab.check.Expectations.transferCodingIsChunked;
import static dev.wirelab.labs.lab02.Lab02Requests.download;
import static dev.wirelab.labs.lab02.Lab02Requests.get;
import static dev.wirelab.labs.lab02.Lab02Requests.stream;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.check.Expectations;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.Requests;
import dev.wirelab.http.Framing;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.http.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** HTTP/1.0 clients, HEAD, the empty body, and the paths and methods outside the contract. */
final class FallbackChecks {
  private FallbackChecks() {}

  static List<Check> all() {
    return List.of(http10(), head(), empty(), notFoundAndNotAllowed());
  }

  static Check http10() {
    CheckInfo info = CheckInfo.builder("CH-14", "An HTTP/1.0 request gets no chunked coding, and a close")
        .points(6).contract().section("RFC 9112 §6.1").dependsOn("CH-01")
        .explanation("An HTTP/1.0 client does not know chunked coding: a server MUST NOT send"
            + " Transfer-Encoding unless the request says HTTP/1.1 (RFC 9112 §6.1). The rest is this lab's"
            + " contract: send the body as it is and close the connection to end it (RFC 9112 §6.3 rule 8),"
            + " with Connection: close and no Content-Length.")
        .build();
    return Check.of(info, context -> {
      int size = 1000;
      for (String target : List.of(download(size), stream(2, 10))) {
        Exchange exchange = context.send("GET " + target + " HTTP/1.0", Requests.http10("GET", target,
            context.address()));
        status(exchange, 200, "RFC 9112 §6.1");
        noHeader(exchange, "Transfer-Encoding", "RFC 9112 §6.1");
        noHeader(exchange, "Content-Length", "RFC 9112 §6.3");
        HttpResponse response = complete(exchange);
        if (!response.headers().hasToken("Connection", "close")) {
          throw failAt(exchange, response.bodyOffset() - 2, "a \"Connection: close\" field", "none",
              "RFC 9112 §9.6");
        }
        byte[] expected = target.startsWith("/download") ? Lab02Requests.downloadBody(size)
            : Lab02Requests.streamLines(2).getBytes(StandardCharsets.UTF_8);
        body(exchange, expected, "RFC 9112 §6.3");
        if (response.framing() != Framing.CLOSE_DELIMITED || !exchange.serverClosed()) {
          throw failAt(exchange, response.endOffset(), "the body ended by the server closing",
              exchange.outcome(), "RFC 9112 §6.3");
        }
      }
    });
  }

  static Check head() {
    CheckInfo info = CheckInfo.builder("CH-15", "HEAD gets GET's header fields and no body at all")
        .points(4).contract().section("RFC 9110 §9.3.2").dependsOn("CH-02")
        .explanation("A HEAD response has the header fields a GET would get, Transfer-Encoding: chunked"
            + " included, and ends at the empty line: not even a last-chunk follows.")
        .build();
    return Check.of(info, context -> {
      for (String target : List.of(stream(2, 10), download(1000))) {
        Exchange exchange = context.send("HEAD " + target, Requests.head(target, context.address()));
        status(exchange, 200, "RFC 9110 §9.3.2");
        transferCodingIsChunked(exchange, "RFC 9110 §9.3.2");
        nothingAfter(exchange, "the header section of a HEAD response", "RFC 9110 §9.3.2");
      }
    });
  }

  static Check empty() {
    CheckInfo info = CheckInfo.builder("CH-16", "GET /empty is only the last-chunk and the final CRLF")
        .points(4).section("RFC 9112 §7.1").dependsOn("CH-02")
        .explanation("An empty chunked body has no data chunks: after the header section comes"
            + " \"0\\r\\n\\r\\n\" and nothing else.")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = get(context, "/empty");
      transferCodingIsChunked(exchange, "RFC 9112 §7.1");
      HttpResponse head = Expectations.answered(exchange);
      Optional<Violation> broken = Expectations.firstViolationFrom(exchange, head.bodyOffset());
      if (broken.isPresent()) throw Expectations.violation(exchange, broken.get());
      HttpResponse response = nothingAfter(exchange, "the final CRLF", "RFC 9112 §7.1");
      // Any last-chunk will do: "0", "000" and "0;ext" are all 1*("0") [ chunk-ext ] (RFC 9112 §7.1).
      if (!response.dataChunks().isEmpty() || response.trailers().size() > 0) {
        long at = response.dataChunks().isEmpty() ? response.trailers().fields().get(0).offset()
            : response.dataChunks().get(0).sizeLineOffset();
        throw failAt(exchange, at, "only the last-chunk and the final CRLF",
            response.dataChunks().size() + " data chunks and " + response.trailers().size() + " trailer fields",
            "RFC 9112 §7.1");
      }
    });
  }

  static Check notFoundAndNotAllowed() {
    CheckInfo info = CheckInfo.builder("CH-17", "Unknown paths get 404, other methods 405 with Allow")
        .points(3).contract().section("RFC 9110 §15.5.5, §15.5.6").dependsOn("CH-01")
        .explanation("As in Lab 01: 404 for a resource that does not exist, 405 with Allow: GET, HEAD for a"
            + " method the resource does not support.")
        .build();
    return Check.of(info, context -> {
      Exchange missing = get(context, "/nothing-here");
      status(missing, 404, "RFC 9110 §15.5.5");
      complete(missing);
      Exchange delete = context.send("DELETE /stream", Requests.request("DELETE", "/stream", context.address()));
      allowOnly(delete, Set.of("GET", "HEAD"));
    });
  }
}
