package dev.wirelab.labs.lab03;

import static dev.wirelab.check.Expectations.body;
import static dev.wirelab.check.Expectations.header;
import static dev.wirelab.check.Expectations.noHeader;
import static dev.wirelab.check.Expectations.status;
import static dev.wirelab.check.Expectations.statusLineIs;
import static dev.wirelab.labs.lab03.KeptConnections.closedAfter;
import static dev.wirelab.labs.lab03.KeptConnections.hasOption;
import static dev.wirelab.labs.lab03.KeptConnections.lacksOption;
import static dev.wirelab.labs.lab03.KeptConnections.next;
import static dev.wirelab.labs.lab03.KeptConnections.stillOpen;
import static dev.wirelab.labs.lab03.Lab03Requests.HELLO;
import static dev.wirelab.labs.lab03.Lab03Requests.ascii;
import static dev.wirelab.labs.lab03.Lab03Requests.briefly;
import static dev.wirelab.labs.lab03.Lab03Requests.get;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.PersistentConnection;
import dev.wirelab.client.Requests;
import java.util.List;

/** Who keeps the connection and who closes it: HTTP/1.1's default, the close option, HTTP/1.0. */
final class PersistenceChecks {
  static final String PERSISTENT_BY_DEFAULT = "HTTP/1.1 is persistent unless a side says close";

  private PersistenceChecks() {}

  static List<Check> all() {
    return List.of(hello(), tenInARow(), closeOptionHonoured(), http10ClosesByDefault(), http10KeepAlive());
  }

  static Check hello() {
    CheckInfo info = CheckInfo.builder("KA-01", "GET /hello gets 200 with a Content-Length and the exact body")
        .points(3).section("RFC 9112 §6.3")
        .explanation("The first request of every other check: GET /hello on a new connection, without a"
            + " Connection field, answered as in Lab 01. On a kept connection Content-Length is what tells"
            + " the client where this response ends and the next one begins (RFC 9112 §6.3 rule 6).")
        .build();
    return Check.of(info, context -> {
      try (PersistentConnection connection = context.connect("GET /hello")) {
        Exchange hello = context.exchange(connection, "GET /hello", get(context, "/hello"));
        statusLineIs(hello, 200);
        header(hello, "Content-Length", Integer.toString(HELLO.length), "RFC 9110 §8.6");
        body(hello, HELLO, "RFC 9112 §6.3");
      }
    });
  }

  static Check tenInARow() {
    CheckInfo info = CheckInfo.builder("KA-02", "Ten requests, one after another, on one connection")
        .points(6).contract().section("RFC 9112 §9.3").dependsOn("KA-01")
        .explanation("HTTP/1.1 connections are persistent by default (RFC 9112 §9.3): after each response the"
            + " server reads the next request on the same connection. Ten GET /hello requests are sent one"
            + " after another, each once the previous response is complete; all must be answered, none may"
            + " say Connection: close (a server that says close must then close, RFC 9112 §9.6), and the"
            + " connection must still be open after the tenth.")
        .build();
    return Check.of(info, context -> {
      try (PersistentConnection connection = context.connect("ten requests")) {
        Exchange previous = null;
        for (int number = 1; number <= 10; number++) {
          String target = "/hello?request=" + number;
          String label = "request " + number + " of 10: GET " + target;
          Exchange exchange = previous == null ? context.exchange(connection, label, get(context, target))
              : next(context, connection, previous, label, get(context, target), PERSISTENT_BY_DEFAULT,
                  "RFC 9112 §9.3");
          status(exchange, 200, "RFC 9112 §9.3");
          body(exchange, HELLO, "RFC 9112 §6.3");
          lacksOption(exchange, "close", PERSISTENT_BY_DEFAULT, "RFC 9112 §9.6");
          previous = exchange;
        }
        stillOpen(previous, connection, briefly(context), PERSISTENT_BY_DEFAULT, "RFC 9112 §9.3");
      }
    });
  }

  static Check closeOptionHonoured() {
    CheckInfo info = CheckInfo.builder("KA-03", "A request with Connection: close gets close, then the server closes")
        .points(5).contract().section("RFC 9112 §9.6").dependsOn("KA-01")
        .explanation("A server that receives the close connection option MUST close the connection after"
            + " the response to that request, and SHOULD say so with Connection: close in it (RFC 9112 §9.6;"
            + " the lab requires both). The request is the second on its connection and says"
            + " \"Connection: TE, Close\": Connection is a list of case-insensitive options (RFC 9110 §7.6.1)."
            + " The server must close right after answering it and send nothing more.")
        .build();
    return Check.of(info, context -> {
      try (PersistentConnection connection = context.connect("Connection: close")) {
        Exchange first = context.exchange(connection, "GET /hello", get(context, "/hello"));
        status(first, 200, "RFC 9112 §9.3");
        Exchange closing = next(context, connection, first, "GET /hello with Connection: TE, Close",
            get(context, "/hello", "TE: trailers", "Connection: TE, Close"), PERSISTENT_BY_DEFAULT, "RFC 9112 §9.3");
        status(closing, 200, "RFC 9112 §9.6");
        hasOption(closing, "close", "RFC 9112 §9.6");
        closedAfter(closing, connection, Lab03Requests.closeWindow(context), "the request said Connection: close",
            "RFC 9112 §9.6");
      }
    });
  }

  static Check http10ClosesByDefault() {
    CheckInfo info = CheckInfo.builder("KA-04", "An HTTP/1.0 request without keep-alive: the server closes")
        .points(4).section("RFC 9112 §9.3").dependsOn("KA-01")
        .explanation("An HTTP/1.0 request is not persistent unless it says Connection: keep-alive"
            + " (RFC 9112 §9.3): the server answers it and closes. A server that keeps the connection would"
            + " leave an HTTP/1.0 client, which reads until the close when it cannot tell the end, waiting.")
        .build();
    return Check.of(info, context -> {
      try (PersistentConnection connection = context.connect("HTTP/1.0")) {
        Exchange exchange = context.exchange(connection, "GET /hello HTTP/1.0",
            Requests.http10("GET", "/hello", context.address()));
        status(exchange, 200, "RFC 9112 §9.3");
        body(exchange, HELLO, "RFC 9112 §6.3");
        lacksOption(exchange, "keep-alive", "the request did not ask for keep-alive", "RFC 9112 §9.3");
        closedAfter(exchange, connection, Lab03Requests.closeWindow(context), "HTTP/1.0 without keep-alive",
            "RFC 9112 §9.3");
      }
    });
  }

  static Check http10KeepAlive() {
    CheckInfo info = CheckInfo.builder("KA-05", "HTTP/1.0 with Connection: keep-alive is kept, and says so")
        .points(4).contract().section("RFC 9112 §9.3, Appendix C.2.2").dependsOn("KA-01")
        .explanation("HTTP/1.0 has no persistent connections of its own; the keep-alive connection option"
            + " is the extension that added them (RFC 9112 Appendix C.2.2). The contract: a 1.0 request with"
            + " Connection: keep-alive gets Connection: keep-alive in a response with a Content-Length, and"
            + " the connection stays open for a second 1.0 keep-alive request. A third asks for /stream, whose"
            + " length is unknown: an HTTP/1.0 client cannot read chunked (RFC 9112 §6.1), so the body ends"
            + " with the close, and the response says Connection: close even though keep-alive was asked.")
        .timeout(java.time.Duration.ofSeconds(8))
        .build();
    return Check.of(info, context -> {
      try (PersistentConnection connection = context.connect("HTTP/1.0 keep-alive")) {
        Exchange first = context.exchange(connection, "GET /hello HTTP/1.0 with keep-alive", http10KeepAlive(context));
        status(first, 200, "RFC 9112 §9.3");
        hasOption(first, "keep-alive", "RFC 9112 Appendix C.2.2");
        body(first, HELLO, "RFC 9112 §6.3");
        stillOpen(first, connection, briefly(context), "the request asked for keep-alive", "RFC 9112 §9.3");
        Exchange second = next(context, connection, first, "a second GET /hello HTTP/1.0 with keep-alive",
            http10KeepAlive(context), "the request asked for keep-alive", "RFC 9112 Appendix C.2.2");
        status(second, 200, "RFC 9112 §9.3");
        body(second, HELLO, "RFC 9112 §6.3");
        Exchange stream = next(context, connection, second, "GET /stream?count=2&interval=0 HTTP/1.0 with keep-alive",
            http10KeepAlive(context, "/stream?count=2&interval=0"), "the request asked for keep-alive",
            "RFC 9112 Appendix C.2.2");
        status(stream, 200, "RFC 9112 §6.1");
        noHeader(stream, "Transfer-Encoding", "RFC 9112 §6.1");
        body(stream, Lab03Requests.streamLines(2), "RFC 9112 §6.3");
        hasOption(stream, "close", "RFC 9112 §6.3");
      }
    });
  }

  private static byte[] http10KeepAlive(dev.wirelab.check.CheckContext context) {
    return http10KeepAlive(context, "/hello");
  }

  private static byte[] http10KeepAlive(dev.wirelab.check.CheckContext context, String target) {
    return ascii("GET " + target + " HTTP/1.0\r\nHost: " + context.address().getAddress().getHostAddress() + ":"
        + context.address().getPort() + "\r\nConnection: keep-alive\r\n\r\n");
  }
}
