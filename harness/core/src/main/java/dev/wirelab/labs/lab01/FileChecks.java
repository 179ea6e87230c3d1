package dev.wirelab.labs.lab01;

import static dev.wirelab.check.Expectations.answered;
import static dev.wirelab.check.Expectations.body;
import static dev.wirelab.check.Expectations.complete;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.check.Expectations.header;
import static dev.wirelab.check.Expectations.status;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckContext;
import dev.wirelab.check.CheckFailure;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.check.Expectations;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.Requests;
import dev.wirelab.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Checks on {@code GET /files/{name}}: exact bytes of every kind of file, 404, and the document root. */
final class FileChecks {
  private static final Set<Integer> REFUSALS = Set.of(400, 403, 404);
  private static final int SHORT_BODY_BYTES = 1024;

  private FileChecks() {}

  static List<Check> all() {
    return List.of(textFile(), binaryFile(), emptyFile(), largeFile(), missingFile(), dotDotEscape(),
        contentTypeOnContent());
  }

  private static Exchange getFile(CheckContext context, String name) {
    String target = "/files/" + name;
    return context.send("GET " + target, Requests.get(target, context.address()));
  }

  private static void servesExactly(CheckContext context, String name, String section)
      throws CheckFailure, IOException {
    byte[] expected = Files.readAllBytes(context.docroot().resolve(name));
    Exchange exchange = getFile(context, name);
    status(exchange, 200, "RFC 9110 §15.3.1");
    // The body first: "first difference at body byte 128" teaches more than a length that is off.
    body(exchange, expected, section);
    header(exchange, "Content-Length", Integer.toString(expected.length), "RFC 9110 §8.6");
  }

  static Check textFile() {
    CheckInfo info = CheckInfo.builder("CL-10", "GET /files/hello.txt serves the text file byte for byte")
        .points(4).section("RFC 9110 §8.6").dependsOn("CL-01")
        .explanation("Serve a file's bytes as they are on disk. Reading it as lines and writing them back"
            + " changes line endings and encodings; Content-Length must count the bytes actually sent.")
        .build();
    return Check.of(info, context -> servesExactly(context, Lab01Fixtures.TEXT_FILE, "RFC 9110 §8.6"));
  }

  static Check binaryFile() {
    CheckInfo info = CheckInfo.builder("CL-11", "GET /files/all-bytes.bin serves all 256 byte values intact")
        .points(7).section("RFC 9110 §6.4").dependsOn("CL-01")
        .explanation("Content is a sequence of octets. A file read into a String and encoded again loses"
            + " every byte that is not valid UTF-8: byte 0x80 becomes the three bytes EF BF BD.")
        .build();
    return Check.of(info, context -> servesExactly(context, Lab01Fixtures.BINARY_FILE, "RFC 9110 §6.4"));
  }

  static Check emptyFile() {
    CheckInfo info = CheckInfo.builder("CL-12", "GET /files/empty.txt answers 200 with Content-Length: 0")
        .points(3).section("RFC 9110 §8.6").dependsOn("CL-01")
        .explanation("An empty body still needs its length: without Content-Length: 0 the client can only"
            + " wait for the connection to close to learn that nothing is coming.")
        .build();
    return Check.of(info, context -> servesExactly(context, Lab01Fixtures.EMPTY_FILE, "RFC 9110 §8.6"));
  }

  static Check largeFile() {
    CheckInfo info = CheckInfo.builder("CL-13", "GET /files/large.bin delivers all 5 MiB exactly")
        .points(6).section("RFC 9112 §6.3").dependsOn("CL-01")
        .timeout(Duration.ofSeconds(20))
        .explanation("One read() of a file, like one read() of a socket, may return less than you asked"
            + " for. Copy in a loop until end of file, and declare the length of the whole file.")
        .build();
    return Check.of(info, context -> servesExactly(context, Lab01Fixtures.LARGE_FILE, "RFC 9112 §6.3"));
  }

  static Check missingFile() {
    CheckInfo info = CheckInfo.builder("CL-14", "An unknown file gets 404 with a short, well-framed body")
        .points(3).contract().section("RFC 9110 §15.5.5").dependsOn("CL-01")
        .explanation("404 Not Found says the resource does not exist; a 200 page saying \"not found\" (a soft"
            + " 404) misleads clients and caches. Error bodies need a Content-Length like any other.")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = getFile(context, "missing.txt");
      status(exchange, 404, "RFC 9110 §15.5.5");
      HttpResponse response = complete(exchange);
      if (!response.headers().has("Content-Length")) {
        throw failAt(exchange, response.bodyOffset() - 2, "a Content-Length field", "none", "RFC 9110 §8.6");
      }
      if (response.body().length > SHORT_BODY_BYTES) {
        throw failAt(exchange, response.bodyOffset(), "a short body (under " + SHORT_BODY_BYTES + " bytes)",
            response.body().length + " bytes", "RFC 9110 §15.5.5");
      }
    });
  }

  static Check dotDotEscape() {
    CheckInfo info = CheckInfo.builder("CL-15", "GET /files/../" + Lab01Fixtures.SECRET_FILE + " is refused")
        .points(6).contract().section("RFC 9110 §17.3").dependsOn("CL-10")
        .explanation("A name with .. can climb out of the document root and serve any file the server can"
            + " read. Resolve the name, normalize it, and refuse it unless it is still inside the root.")
        .build();
    return Check.of(info, context -> refuses(context, "/files/../" + Lab01Fixtures.SECRET_FILE));
  }

  /** The request for {@code target} is refused (400, 403 or 404) and the secret file is not served. */
  static void refuses(CheckContext context, String target) throws CheckFailure {
    Exchange exchange = context.send("GET " + target, Requests.get(target, context.address()));
    HttpResponse response = answered(exchange);
    byte[] secret = Lab01Fixtures.SECRET.getBytes(StandardCharsets.UTF_8);
    if (new String(response.body(), StandardCharsets.ISO_8859_1)
        .contains(new String(secret, StandardCharsets.ISO_8859_1))) {
      throw failAt(exchange, response.bodyOffset(), "a refusal (400, 403 or 404) for " + target,
          "status " + response.code() + " with the secret file as its body", "RFC 9110 §17.3");
    }
    if (!REFUSALS.contains(response.code())) {
      throw failAt(exchange, Expectations.statusCodeOffset(response.statusLine()), "400, 403 or 404 for " + target,
          "status " + response.code(), "RFC 9110 §17.3");
    }
  }

  static Check contentTypeOnContent() {
    CheckInfo info = CheckInfo.builder("CL-21", "Responses with content say what it is (Content-Type)")
        .should().section("RFC 9110 §8.3").dependsOn("CL-01")
        .explanation("A sender that generates content SHOULD send Content-Type; without it the client"
            + " guesses (\"sniffs\"), which is unreliable and sometimes a security risk.")
        .build();
    return Check.of(info, context -> {
      for (String name : List.of(Lab01Fixtures.BINARY_FILE, "missing.txt")) {
        Exchange exchange = getFile(context, name);
        HttpResponse response = complete(exchange);
        if (response.body().length > 0 && !response.headers().has("Content-Type")) {
          throw failAt(exchange, response.bodyOffset() - 2, "a Content-Type field", "none", "RFC 9110 §8.3");
        }
      }
    });
  }
}
