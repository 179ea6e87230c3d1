package dev.wirelab.client;

import static dev.wirelab.wire.HostileServer.readRequestHead;
import static dev.wirelab.wire.HostileServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.wirelab.http.Chunk;
import dev.wirelab.http.Framing;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.http.ParseMode;
import dev.wirelab.http.Rule;
import dev.wirelab.http.Violation;
import dev.wirelab.wire.Deadline;
import dev.wirelab.wire.Ending;
import dev.wirelab.wire.HostileServer;
import dev.wirelab.wire.RawConnection;
import dev.wirelab.wire.WireEvent;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PersistentConnectionTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  /** 43 bytes: a 38-byte head and a 5-byte body. */
  private static final String HELLO = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
  /** 38 bytes: what a server answers to HEAD for the same resource. */
  private static final String HELLO_HEAD = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n";
  /** 77 bytes: a 47-byte head, then chunks of 4, 4 and 2 bytes and the last-chunk. */
  private static final String CHUNKED =
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n4\r\nefgh\r\n2\r\nij\r\n0\r\n\r\n";

  @Test
  void threeSequentialExchangesShareOneConnection() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getLoopbackAddress(), 0);
      InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getPort());
      server.enqueue(new MockResponse.Builder().body("hello").build());
      server.enqueue(new MockResponse.Builder().chunkedBody("abcdefghij", 4).build());
      server.enqueue(new MockResponse.Builder().setHeader("Content-Length", 5).build());

      try (PersistentConnection connection = open(address, ParseMode.STRICT)) {
        HttpResponse fixed = exchange(connection, keepAlive("GET", "/fixed", address));
        HttpResponse chunked = exchange(connection, keepAlive("GET", "/chunked", address));
        HttpResponse head = exchange(connection, keepAlive("HEAD", "/fixed", address));

        // OkHttp spells the field "Transfer-encoding"; field names are case-insensitive (RFC 9110 §5.1).
        String chunkedAsSent = CHUNKED.replace("Transfer-Encoding", "Transfer-encoding");
        assertThat(text(connection.transcript().received())).isEqualTo(HELLO + chunkedAsSent + HELLO_HEAD);
        assertThat(connection.startOffsets()).containsExactly(0L, 43L, 120L);
        assertThat(connection.responses()).containsExactly(fixed, chunked, head);

        assertThat(fixed.isValid()).as(fixed.progress()).isTrue();
        assertThat(fixed.framing()).isEqualTo(Framing.CONTENT_LENGTH);
        assertThat(text(fixed.body())).isEqualTo("hello");
        assertThat(fixed.bodyOffset()).isEqualTo(38);
        assertThat(fixed.endOffset()).isEqualTo(43);

        assertThat(chunked.isValid()).as(chunked.progress()).isTrue();
        assertThat(chunked.framing()).isEqualTo(Framing.CHUNKED);
        assertThat(text(chunked.body())).isEqualTo("abcdefghij");
        assertThat(chunked.dataChunks()).extracting(Chunk::size).containsExactly(4L, 4L, 2L);
        assertThat(chunked.bodyOffset()).isEqualTo(90);
        assertThat(chunked.endOffset()).isEqualTo(120);

        // HEAD: Content-Length 5 describes the GET's body; none follows (RFC 9110 §9.3.2).
        assertThat(head.isValid()).as(head.progress()).isTrue();
        assertThat(head.declaredLength()).isEqualTo(-1);
        assertThat(head.body()).isEmpty();
        assertThat(head.bodyOffset()).isEqualTo(158);
        assertThat(head.endOffset()).isEqualTo(158);

        assertThat(connection.unconsumedBytes()).isZero();
        assertThat(connection.ending()).isEqualTo(Ending.OPEN);
      }
      List<RecordedRequest> requests = List.of(server.takeRequest(), server.takeRequest(), server.takeRequest());
      assertThat(requests).extracting(RecordedRequest::getConnectionIndex).containsOnly(0);
      assertThat(requests).extracting(RecordedRequest::getExchangeIndex).containsExactly(0, 1, 2);
    }
  }

  @Test
  void pipelinedResponsesThatArriveInOneReadAreSplitExactly() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> {
          for (int i = 0; i < 3; i++) readRequestHead(socket);
          write(socket, HELLO + HELLO_HEAD + CHUNKED); // one write: all three answers together
          socket.getInputStream().read();
        })) {
      try (PersistentConnection connection = open(server.address(), ParseMode.STRICT)) {
        // Pipelining: all three requests leave before any response is read.
        assertThat(connection.send(keepAlive("GET", "/a", server.address()))).isTrue();
        assertThat(connection.send(keepAlive("HEAD", "/a", server.address()))).isTrue();
        assertThat(connection.send(keepAlive("GET", "/b", server.address()))).isTrue();

        HttpResponse fixed = connection.nextResponse("GET", "HTTP/1.1", deadline());
        assertThat(connection.unconsumedBytes()).isEqualTo(38 + 77);
        HttpResponse head = connection.nextResponse("HEAD", "HTTP/1.1", deadline());
        assertThat(connection.unconsumedBytes()).isEqualTo(77);
        HttpResponse chunked = connection.nextResponse("GET", "HTTP/1.1", deadline());

        assertThat(connection.transcript().reads()).hasSize(1);
        assertThat(connection.startOffsets()).containsExactly(0L, 43L, 81L);
        assertThat(List.of(fixed, head, chunked)).allMatch(HttpResponse::isValid);
        assertThat(List.of(fixed, head, chunked)).extracting(HttpResponse::endOffset).containsExactly(43L, 81L, 158L);
        assertThat(List.of(fixed, head, chunked)).extracting(HttpResponse::bodyOffset).containsExactly(38L, 81L, 128L);
        assertThat(text(fixed.body())).isEqualTo("hello");
        assertThat(head.body()).isEmpty();
        assertThat(text(chunked.body())).isEqualTo("abcdefghij");
        // Parsed from bytes already received, each keeps the arrival time of the read that carried it.
        long arrival = connection.transcript().reads().get(0).nanos();
        assertThat(List.of(fixed, head, chunked)).extracting(HttpResponse::headerCompleteNanos).containsOnly(arrival);
        assertThat(connection.unconsumedBytes()).isZero();
      }
    }
  }

  @Test
  void pipelinedResponsesThatArriveByteByByteAreSplitExactly() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> {
          for (int i = 0; i < 2; i++) readRequestHead(socket);
          OutputStream out = socket.getOutputStream();
          for (byte b : (HELLO + CHUNKED).getBytes(StandardCharsets.ISO_8859_1)) {
            out.write(b);
            out.flush();
          }
          socket.getInputStream().read();
        })) {
      try (PersistentConnection connection = open(server.address(), ParseMode.STRICT)) {
        connection.send(keepAlive("GET", "/a", server.address()));
        connection.send(keepAlive("GET", "/b", server.address()));

        HttpResponse fixed = connection.nextResponse("GET", "HTTP/1.1", deadline());
        HttpResponse chunked = connection.nextResponse("GET", "HTTP/1.1", deadline());

        assertThat(text(connection.transcript().received())).isEqualTo(HELLO + CHUNKED);
        assertThat(connection.startOffsets()).containsExactly(0L, 43L);
        assertThat(fixed.isValid()).as(fixed.progress()).isTrue();
        assertThat(chunked.isValid()).as(chunked.progress()).isTrue();
        assertThat(chunked.endOffset()).isEqualTo(120);
      }
    }
  }

  @Test
  void contentLengthOneTooLargeSwallowsTheStartOfTheNextResponse() throws Exception {
    String tooLong = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhello"; // 5 body bytes, 6 declared
    try (HostileServer server = HostileServer.start(socket -> {
          for (int i = 0; i < 2; i++) readRequestHead(socket);
          write(socket, tooLong + HELLO);
          socket.getInputStream().read();
        })) {
      try (PersistentConnection connection = open(server.address(), ParseMode.STRICT)) {
        connection.send(keepAlive("GET", "/a", server.address()));
        connection.send(keepAlive("GET", "/b", server.address()));

        HttpResponse first = connection.nextResponse("GET", "HTTP/1.1", deadline());
        HttpResponse second = connection.nextResponse("GET", "HTTP/1.1", deadline());

        // The first response looks perfect: its sixth body byte is the next response's "H".
        assertThat(first.isValid()).isTrue();
        assertThat(text(first.body())).isEqualTo("helloH");
        assertThat(first.endOffset()).isEqualTo(44);
        // The second starts mid status line; the parser says so at the first byte it cannot accept.
        assertThat(connection.startOffsets()).containsExactly(0L, 44L);
        assertThat(second.complete()).isFalse();
        assertThat(second.hasStatusLine()).isFalse();
        assertThat(second.violations()).hasSize(1);
        Violation violation = second.violations().get(0);
        assertThat(violation.offset()).isEqualTo(44);
        assertThat(violation.toString()).isEqualTo(
            "status-line at byte 44: expected a status line starting with \"HTTP/\" but was \"T\"… (RFC 9112 §4)");
        assertThat(second.progress()).isEqualTo("stopped at a violation at byte 44");
      }
    }
  }

  @Test
  void serverThatClosesAfterTheFirstResponseIsReportedOnTheSecond() throws Exception {
    try (HostileServer server = HostileServer.answerThenClose(HELLO)) {
      try (PersistentConnection connection = open(server.address(), ParseMode.STRICT)) {
        HttpResponse first = exchange(connection, keepAlive("GET", "/a", server.address()));
        connection.send(keepAlive("GET", "/b", server.address()));
        HttpResponse second = connection.nextResponse("GET", "HTTP/1.1", deadline());

        assertThat(first.isValid()).isTrue();
        assertThat(connection.ending()).isEqualTo(Ending.PEER_CLOSED);
        assertThat(connection.startOffsets()).containsExactly(0L, 43L);
        assertThat(second.complete()).isFalse();
        assertThat(second.violations()).containsExactly(new Violation(Rule.STATUS_LINE,
            "a status line such as \"HTTP/1.1 200 OK\\r\\n\"",
            "the connection closed before any byte of a response", 43));
      }
    }
  }

  @Test
  void serverThatClosesMidResponseGivesAnIncompleteMessage() throws Exception {
    String cut = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"; // 39-byte head, 3 of 10 body bytes
    try (HostileServer server = HostileServer.answerThenClose(HELLO + cut)) {
      try (PersistentConnection connection = open(server.address(), ParseMode.STRICT)) {
        connection.send(keepAlive("GET", "/a", server.address()));
        connection.nextResponse("GET", "HTTP/1.1", deadline());
        HttpResponse incomplete = connection.nextResponse("GET", "HTTP/1.1", deadline());

        assertThat(connection.startOffsets()).containsExactly(0L, 43L);
        assertThat(incomplete.complete()).isFalse();
        assertThat(incomplete.bodyOffset()).isEqualTo(82);
        assertThat(text(incomplete.body())).isEqualTo("abc");
        assertThat(incomplete.violations()).extracting(Violation::rule, Violation::offset)
            .containsExactly(tuple(Rule.INCOMPLETE_MESSAGE, 85L));
      }
    }
  }

  @Test
  void serverThatStopsMidResponseIsBoundedByTheDeadline() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> {
          readRequestHead(socket);
          write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
          socket.getInputStream().read();
        })) {
      try (PersistentConnection connection = open(server.address(), ParseMode.STRICT)) {
        connection.send(keepAlive("GET", "/a", server.address()));
        long start = System.nanoTime();
        HttpResponse stalled = connection.nextResponse("GET", "HTTP/1.1", Deadline.after(Duration.ofMillis(300)));
        HttpResponse after = connection.nextResponse("GET", "HTTP/1.1", deadline());
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(stalled.complete()).isFalse();
        assertThat(stalled.violations()).isEmpty();
        assertThat(stalled.progress()).isEqualTo("headers complete, Content-Length 10, 3 body bytes received");
        assertThat(connection.ending()).isEqualTo(Ending.TIMEOUT);
        // The connection is out of step for good: the next response comes back at once, incomplete.
        assertThat(after.complete()).isFalse();
        assertThat(connection.startOffsets()).containsExactly(0L, 42L);
        assertThat(elapsedMillis).isBetween(250L, 3_000L);
      }
    }
  }

  @Test
  void garbageAfterAResponseIsReportedAsTheNextResponse() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> {
          readRequestHead(socket);
          write(socket, HELLO + "garbage\r\n");
          socket.getInputStream().read();
        })) {
      try (PersistentConnection connection = open(server.address(), ParseMode.STRICT)) {
        HttpResponse first = exchange(connection, keepAlive("GET", "/a", server.address()));
        assertThat(first.isValid()).isTrue();
        assertThat(connection.unconsumedBytes()).isEqualTo(9);

        connection.send(keepAlive("GET", "/b", server.address()));
        HttpResponse second = connection.nextResponse("GET", "HTTP/1.1", deadline());

        assertThat(connection.startOffsets()).containsExactly(0L, 43L);
        assertThat(second.complete()).isFalse();
        assertThat(second.violations()).hasSize(1);
        assertThat(second.violations().get(0).toString()).isEqualTo(
            "status-line at byte 43: expected a status line starting with \"HTTP/\" but was \"g\"… (RFC 9112 §4)");
        // A strict parser stops at the "g": the rest of the garbage is left for whoever asks next.
        assertThat(connection.unconsumedBytes()).isEqualTo(8);
      }
    }
  }

  @Test
  void awaitCloseSeesTheServersFin() throws Exception {
    try (HostileServer server = HostileServer.answerThenClose(HELLO)) {
      try (PersistentConnection connection = open(server.address(), ParseMode.STRICT)) {
        exchange(connection, keepAlive("GET", "/a", server.address()));

        assertThat(connection.awaitClose(Duration.ofSeconds(5))).isEqualTo(Ending.PEER_CLOSED);
        assertThat(connection.ending()).isEqualTo(Ending.PEER_CLOSED);
        assertThat(connection.transcript().events()).extracting(WireEvent::kind).contains(WireEvent.Kind.FIN);
      }
    }
  }

  @Test
  void awaitCloseOnAnIdleConnectionLeavesItOpen() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> {
          readRequestHead(socket);
          write(socket, HELLO);
          socket.getInputStream().read(); // keep-alive: waits for a next request
        })) {
      try (PersistentConnection connection = open(server.address(), ParseMode.STRICT)) {
        exchange(connection, keepAlive("GET", "/a", server.address()));

        long start = System.nanoTime();
        Ending ending = connection.awaitClose(Duration.ofMillis(200));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(ending).isEqualTo(Ending.OPEN);
        assertThat(connection.ending()).isEqualTo(Ending.OPEN);
        assertThat(elapsedMillis).isBetween(150L, 3_000L);
        assertThat(connection.transcript().events()).extracting(WireEvent::kind)
            .doesNotContain(WireEvent.Kind.TIMEOUT, WireEvent.Kind.FIN);
      }
    }
  }

  @Test
  void serverThatNeverStopsIsCutAtTheByteCap() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> {
          readRequestHead(socket);
          write(socket, "HTTP/1.1 200 OK\r\n\r\n");
          byte[] endless = new byte[4096];
          while (true) socket.getOutputStream().write(endless);
        })) {
      try (PersistentConnection connection =
          PersistentConnection.open(server.address(), deadline(), 10_000, ParseMode.STRICT)) {
        HttpResponse response = exchange(connection, keepAlive("GET", "/a", server.address()));

        assertThat(connection.ending()).isEqualTo(Ending.BYTE_CAP);
        assertThat(connection.transcript().receivedTotal()).isEqualTo(10_000);
        assertThat(response.complete()).isFalse();
        assertThat(response.framing()).isEqualTo(Framing.CLOSE_DELIMITED);
        assertThat(response.body()).hasSize(10_000 - 19);
      }
    }
  }

  @Test
  void nothingListeningIsAConnectException() throws Exception {
    InetSocketAddress address;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      address = new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
    }
    assertThatThrownBy(() -> open(address, ParseMode.STRICT)).isInstanceOf(ConnectException.class);
  }

  @Test
  void eachExchangeOnAKeptConnectionPointsIntoTheWholeStreamAndReproducesEverythingSentBefore() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getLoopbackAddress(), 0);
      InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getPort());
      server.enqueue(new MockResponse.Builder().body("hello").build());
      server.enqueue(new MockResponse.Builder().body("world").build());

      try (PersistentConnection connection = open(address, ParseMode.STRICT)) {
        byte[] first = Requests.persistent("GET", "/first", address);
        byte[] second = Requests.persistent("GET", "/second", address);
        Exchange one = connection.exchange("first", first, deadline());
        Exchange two = connection.exchange("second", second, deadline());

        assertThat(two.transcript()).isSameAs(one.transcript());
        assertThat(one.response().endOffset()).isEqualTo(two.response().statusLine().offset());
        assertThat(two.excerptAt(two.response().bodyOffset()).text()).contains("world");
        assertThat(one.reproduceCommand()).contains("GET /first").doesNotContain("GET /second");
        assertThat(two.reproduceCommand()).contains("GET /first").contains("GET /second");
        assertThat(two.requestText()).startsWith("GET /second HTTP/1.1\r\n").doesNotContain("Connection:");
      }
    }
  }

  private static PersistentConnection open(InetSocketAddress address, ParseMode mode) throws Exception {
    return PersistentConnection.open(address, deadline(), RawConnection.DEFAULT_BYTE_CAP, mode);
  }

  /** Sends {@code request} whole and parses its response. */
  private static HttpResponse exchange(PersistentConnection connection, byte[] request) {
    assertThat(connection.send(request)).isTrue();
    return connection.nextResponse(request, deadline());
  }

  private static byte[] keepAlive(String method, String target, InetSocketAddress host) {
    return Requests.request(method, target, host, "Connection: keep-alive");
  }

  private static Deadline deadline() {
    return Deadline.after(DEADLINE);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
