package dev.wirelab.labs.lab02;

import static dev.wirelab.check.Expectations.complete;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.labs.lab02.Lab02Requests.download;
import static dev.wirelab.labs.lab02.Lab02Requests.get;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.Requests;
import dev.wirelab.grade.HiddenCheckGroup;
import dev.wirelab.http.Chunk;
import dev.wirelab.http.HttpResponse;
import java.util.List;

/** Lab 02's hidden checks: left out of a student edition, counted by {@link ChunkedLab#HIDDEN}. */
public final class Lab02HiddenChecks implements HiddenCheckGroup {
  static final int MAX_CHUNK_BYTES = 8192;

  @Override
  public List<Check> checks() {
    return List.of(chunkSizeLimit(), teAsAList());
  }

  static Check chunkSizeLimit() {
    CheckInfo info = CheckInfo.builder("CH-18", "Download chunks are at most 8192 bytes")
        .points(2).contract().hidden().section("RFC 9112 §7.1").dependsOn("CH-04")
        .explanation("Any chunk size is valid HTTP, but this lab's contract caps chunks at 8192 bytes, as"
            + " a server streaming from a fixed buffer does: memory stays bounded whatever the file size.")
        .build();
    return Check.of(info, context -> {
      Exchange exchange = get(context, download(20_000));
      HttpResponse response = complete(exchange);
      for (Chunk chunk : response.dataChunks()) {
        if (chunk.size() > MAX_CHUNK_BYTES) {
          throw failAt(exchange, chunk.sizeLineOffset(), "chunks of at most " + MAX_CHUNK_BYTES + " bytes",
              "a chunk of " + chunk.size() + " bytes", "RFC 9112 §7.1");
        }
      }
    });
  }

  static Check teAsAList() {
    String trailer = TrailerChecks.TRAILER;
    CheckInfo info = CheckInfo.builder("CH-19", "TE is read as a list: \"gzip;q=0.5, Trailers\" asks for trailers")
        .points(2).hidden().contract().section("RFC 9110 §10.1.4").dependsOn("CH-11")
        .explanation("TE is a comma-separated list of codings with optional parameters, and \"trailers\""
            + " is matched without case (RFC 9110 §10.1.4). A server that compares the whole field with the"
            + " string \"trailers\" misses every client that also offers a coding.")
        .build();
    return Check.of(info, context -> {
      String target = download(1000);
      Exchange exchange = context.send("GET " + target + " with TE: gzip;q=0.5, Trailers",
          Requests.request("GET", target, context.address(), "TE: gzip;q=0.5, Trailers", "Connection: TE, close"));
      HttpResponse response = complete(exchange);
      if (response.trailers().field(trailer).isEmpty()) {
        long at = response.chunks().stream().filter(Chunk::isLast).findFirst()
            .map(Chunk::dataOffset).orElse(response.endOffset());
        throw failAt(exchange, at, "the " + trailer + " trailer: the request's TE list has \"Trailers\"",
            "no such trailer field", "RFC 9110 §10.1.4");
      }
    });
  }
}
