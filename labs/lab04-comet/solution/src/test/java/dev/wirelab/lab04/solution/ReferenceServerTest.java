package dev.wirelab.lab04.solution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.api.LabConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceServerTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Test
  void streamSendsThePreludeThenEachMessageAsItsOwnChunk() throws Exception {
    try (ReferenceServer server = started(inMemory().with("PRELUDE_BYTES", "64"));
         RawClient stream = new RawClient(server.port(), "GET /stream HTTP/1.1\r\nHost: lab\r\n\r\n")) {
      String prelude = "40\r\n<!DOCTYPE html>" + " ".repeat(64 - 15) + "\r\n"; // 0x40 = 64 bytes
      assertThat(stream.readUntil(prelude, 2_000)).endsWith("\r\n\r\n" + prelude);

      post(server, "a<b");
      post(server, "c & 'd'");

      String messages = "1a\r\n<p data-id=\"1\">a&lt;b</p>\n\r\n" // 26 bytes
          + "27\r\n<p data-id=\"2\">c &amp; &#39;d&#39;</p>\n\r\n"; // 39 bytes
      assertThat(stream.readUntil(messages, 2_000)).endsWith(prelude + messages);
    }
  }

  @Test
  void eventsResumeAfterLastEventIdAcrossARestart(@TempDir Path dataDir) throws Exception {
    String url = "jdbc:h2:file:" + dataDir.resolve("messages").toAbsolutePath();
    LabConfig config = LabConfig.of(Map.of("JDBC_URL", url, "HEARTBEAT_MS", "500"));
    try (ReferenceServer before = started(config)) {
      post(before, "one");
      post(before, "two");
      post(before, "three");
    }

    try (ReferenceServer after = started(config);
         RawClient events = new RawClient(after.port(),
             "GET /events HTTP/1.1\r\nHost: lab\r\nLast-Event-ID: 1\r\n\r\n")) {
      String received = events.readUntil("id: 3\ndata: three\n\n", 3_000);

      assertThat(received).contains("id: 2\ndata: two\n\n", "id: 3\ndata: three\n\n").doesNotContain("id: 1\n");
      assertThat(received.indexOf("id: 2\n")).isLessThan(received.indexOf("id: 3\n"));
    }
  }

  @Test
  void closeEndsOpenSubscribersPromptly() throws Exception {
    ReferenceServer server = started(inMemory());
    try (RawClient stream = new RawClient(server.port(), "GET /stream HTTP/1.1\r\nHost: lab\r\n\r\n");
         RawClient events = new RawClient(server.port(), "GET /events HTTP/1.1\r\nHost: lab\r\n\r\n");
         RawClient poll = new RawClient(server.port(), "GET /poll?timeout=60000 HTTP/1.1\r\nHost: lab\r\n\r\n")) {
      stream.readUntil("<!DOCTYPE html>", 2_000);
      events.readUntil("retry: ", 2_000);
      assertThat(get(server, "/stats")).isEqualTo("{\"stream\":1,\"poll\":1,\"events\":1}");

      long startNanos = System.nanoTime();
      server.close();

      assertThat((System.nanoTime() - startNanos) / 1_000_000).isLessThan(1_000);
      assertThat(stream.closedWithin(1_000)).isTrue();
      assertThat(events.closedWithin(1_000)).isTrue();
      assertThat(poll.closedWithin(1_000)).isTrue();
    }
  }

  /**
   * README, "Leaving": a subscriber that disconnects is noticed within a heartbeat interval. Here within
   * half of one (2 s of 4 s), a wide margin over the quarter interval the loop looks for the FIN. The old
   * reference, on HttpServer, noticed only when a write failed: the first heartbeat after the close
   * (at 4 s) still succeeds, as the client's side answers it with a reset, and only the second (8 s)
   * fails. It could not pass this test.
   */
  @Test
  void subscribersThatCloseLeaveStatsWithinHalfAHeartbeatInterval() throws Exception {
    try (ReferenceServer server = started(inMemory().with("HEARTBEAT_MS", "4000"))) {
      RawClient stream = new RawClient(server.port(), "GET /stream HTTP/1.1\r\nHost: lab\r\n\r\n");
      RawClient events = new RawClient(server.port(), "GET /events HTTP/1.1\r\nHost: lab\r\n\r\n");
      assertThat(stream.readUntil("<!DOCTYPE html>", 2_000)).contains("<!DOCTYPE html>");
      assertThat(events.readUntil("retry: ", 2_000)).contains("retry: ");
      assertThat(get(server, "/stats")).isEqualTo("{\"stream\":1,\"poll\":0,\"events\":1}");

      stream.close();
      events.close();
      long closedNanos = System.nanoTime();

      String stats = get(server, "/stats");
      while (!stats.equals("{\"stream\":0,\"poll\":0,\"events\":0}") && System.nanoTime() - closedNanos < 2_000_000_000L) {
        Thread.sleep(50);
        stats = get(server, "/stats");
      }
      assertThat(stats).as("/stats 2 s after both subscribers closed").isEqualTo("{\"stream\":0,\"poll\":0,\"events\":0}");
    }
  }

  /** Bytes a client sends behind a forever request are not the FIN: the subscriber stays. */
  @Test
  void aSubscriberThatSendsMoreBytesIsNotTakenForGone() throws Exception {
    try (ReferenceServer server = started(inMemory().with("HEARTBEAT_MS", "400"));
         RawClient stream = new RawClient(server.port(), "GET /stream HTTP/1.1\r\nHost: lab\r\n\r\n")) {
      stream.readUntil("<!DOCTYPE html>", 2_000);
      stream.send("GET /stats HTTP/1.1\r\nHost: lab\r\n\r\n"); // pipelined: kept, answered never

      String received = stream.readUntil("<!-- heartbeat -->\n\r\n13\r\n<!-- heartbeat -->", 3_000);

      assertThat(received).contains("<!-- heartbeat -->\n\r\n13\r\n<!-- heartbeat -->");
      assertThat(get(server, "/stats")).isEqualTo("{\"stream\":1,\"poll\":0,\"events\":0}");
    }
  }

  private static LabConfig inMemory() {
    return LabConfig.of(Map.of("JDBC_URL", "jdbc:h2:mem:server-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "HEARTBEAT_MS", "500"));
  }

  private static ReferenceServer started(LabConfig config) throws IOException {
    ReferenceServer server = new ReferenceServer();
    server.start(config.with(LabConfig.PORT, "0"));
    return server;
  }

  private static void post(ReferenceServer server, String content) throws Exception {
    HttpResponse<String> response = CLIENT.send(
        HttpRequest.newBuilder(uri(server, "/messages")).POST(HttpRequest.BodyPublishers.ofString(content)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(201);
  }

  private static String get(ReferenceServer server, String path) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(uri(server, path)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static URI uri(ReferenceServer server, String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
