package dev.wirelab.client;

import static dev.wirelab.wire.HostileServer.answerThenClose;
import static dev.wirelab.wire.HostileServer.readRequestHead;
import static dev.wirelab.wire.HostileServer.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.http.Framing;
import dev.wirelab.http.ParseMode;
import dev.wirelab.http.Rule;
import dev.wirelab.http.Violation;
import dev.wirelab.wire.Deadline;
import dev.wirelab.wire.Ending;
import dev.wirelab.wire.HostileServer;
import dev.wirelab.wire.RawConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ExchangeRunnerTest {
  private static final Duration CLOSE_GRACE = Duration.ofMillis(150);
  private static final String HELLO = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";

  @Test
  void completeResponseFromAServerThatClosesEndsWithFin() throws Exception {
    try (HostileServer server = answerThenClose(HELLO)) {
      Exchange exchange = get(server, ParseMode.STRICT);

      assertThat(exchange.response().isValid()).isTrue();
      assertThat(exchange.response().body()).isEqualTo(ascii("hello"));
      assertThat(exchange.ending()).isEqualTo(Ending.PEER_CLOSED);
      assertThat(exchange.serverClosed()).isTrue();
      assertThat(exchange.bytesAfterResponse()).isZero();
      assertThat(exchange.outcome()).isEqualTo(
          "a close (FIN) from the server; 43 bytes received; parser: complete: Content-Length 5, 5 body bytes");
    }
  }

  @Test
  void completeResponseOnAConnectionLeftOpenIsNotATimeout() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> {
          readRequestHead(socket);
          write(socket, HELLO);
          socket.getInputStream().read(); // keep-alive: wait for the next request that never comes
        })) {
      Exchange exchange = get(server, ParseMode.STRICT);

      assertThat(exchange.response().isValid()).isTrue();
      assertThat(exchange.ending()).isEqualTo(Ending.OPEN);
      assertThat(exchange.transcript().harnessClosedFirst()).isTrue();
      assertThat(exchange.outcome()).startsWith("a connection the server left open; 43 bytes received");
    }
  }

  @Test
  void bytesAfterTheResponseAreCounted() throws Exception {
    try (HostileServer server = answerThenClose(HELLO + "EXTRA")) {
      Exchange exchange = get(server, ParseMode.STRICT);

      assertThat(exchange.response().isValid()).isTrue();
      assertThat(exchange.bytesAfterResponse()).isEqualTo(5);
    }
  }

  @Test
  void closeDelimitedBodyEndsWhenTheServerCloses() throws Exception {
    try (HostileServer server = answerThenClose("HTTP/1.1 200 OK\r\n\r\nall of it")) {
      Exchange exchange = get(server, ParseMode.STRICT);

      assertThat(exchange.response().isValid()).isTrue();
      assertThat(exchange.response().framing()).isEqualTo(Framing.CLOSE_DELIMITED);
      assertThat(exchange.response().body()).isEqualTo(ascii("all of it"));
    }
  }

  @Test
  void bodyCutShortByTheServerIsAnIncompleteMessage() throws Exception {
    try (HostileServer server = answerThenClose("HTTP/1.1 200 OK\r\nContent-Length: 14\r\n\r\nHello, wir")) {
      Exchange exchange = get(server, ParseMode.STRICT);

      Violation violation = exchange.firstViolation();
      assertThat(violation.rule()).isEqualTo(Rule.INCOMPLETE_MESSAGE);
      assertThat(violation.offset()).isEqualTo(49);
      assertThat(violation.actual()).contains("headers complete, Content-Length 14, 10 body bytes received");
      assertThat(exchange.excerptAt(violation.offset()).text()).endsWith("Hello, wir⟂");
    }
  }

  @Test
  void silentServerTimesOutWithTheParserStillWaiting() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> {
          readRequestHead(socket);
          socket.getInputStream().read();
        })) {
      ExchangeRunner runner = runner(server.address(), ParseMode.STRICT, connection -> {});

      Exchange exchange = runner.send("silent", request(server.address()), Deadline.after(Duration.ofMillis(300)));

      assertThat(exchange.ending()).isEqualTo(Ending.TIMEOUT);
      assertThat(exchange.response().complete()).isFalse();
      assertThat(exchange.outcome())
          .isEqualTo("no complete response before the deadline; 0 bytes received; parser: no bytes received");
    }
  }

  @Test
  void nobodyListeningIsAConnectFailureNotAnException() throws Exception {
    InetSocketAddress closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = new InetSocketAddress(probe.getInetAddress(), probe.getLocalPort());
    }
    ExchangeRunner runner = runner(closedPort, ParseMode.STRICT, connection -> {});

    Exchange exchange = runner.send("refused", request(closedPort), Deadline.after(Duration.ofSeconds(5)));

    assertThat(exchange.connected()).isFalse();
    assertThat(exchange.ending()).isEqualTo(Ending.CONNECT_FAILED);
    assertThat(exchange.transcript()).isNull();
    assertThat(exchange.bytesAfterResponse()).isZero();
    assertThat(exchange.outcome()).startsWith("could not connect: cannot connect to " + closedPort);
  }

  @Test
  void requestSentInPiecesWithoutPauseArrivesWhole() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> {
          byte[] head = readRequestHead(socket);
          write(socket, "HTTP/1.1 200 OK\r\nContent-Length: " + String.valueOf(head.length).length()
              + "\r\n\r\n" + head.length);
          socket.shutdownOutput();
          socket.getInputStream().read();
        })) {
      byte[] request = request(server.address());
      ExchangeRunner runner = runner(server.address(), ParseMode.STRICT, connection -> {});

      Exchange exchange = runner.send("pieces", request, 3, Duration.ZERO, Deadline.after(Duration.ofSeconds(10)));

      assertThat(exchange.requestPieces()).isEqualTo((request.length + 2) / 3);
      assertThat(new String(exchange.response().body(), StandardCharsets.ISO_8859_1))
          .isEqualTo(String.valueOf(request.length));
    }
  }

  @Test
  void responseToHeadIsParsedAsHavingNoBody() throws Exception {
    try (HostileServer server = answerThenClose("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n")) {
      ExchangeRunner runner = runner(server.address(), ParseMode.STRICT, connection -> {});

      Exchange exchange = runner.send("head", Requests.head("/", server.address()),
          Deadline.after(Duration.ofSeconds(10)));

      assertThat(exchange.response().isValid()).isTrue();
      assertThat(exchange.response().framing()).isEqualTo(Framing.NONE);
    }
  }

  @Test
  void ownerOfTheDeadlineIsToldAboutEachConnection() throws Exception {
    try (HostileServer server = answerThenClose(HELLO)) {
      List<RawConnection> opened = new ArrayList<>();

      Exchange exchange = runner(server.address(), ParseMode.LENIENT, opened::add)
          .send("told", request(server.address()), Deadline.after(Duration.ofSeconds(10)));

      assertThat(opened).singleElement().satisfies(connection ->
          assertThat(connection.transcript()).isSameAs(exchange.transcript()));
    }
  }

  @Test
  void reproduceCommandSendsTheSameBytesByHand() throws Exception {
    try (HostileServer server = answerThenClose(HELLO)) {
      InetSocketAddress address = server.address();

      Exchange exchange = get(server, ParseMode.STRICT);

      assertThat(exchange.reproduceCommand()).isEqualTo("printf 'GET / HTTP/1.1\\r\\nHost: 127.0.0.1:"
          + address.getPort() + "\\r\\nConnection: close\\r\\n\\r\\n' | nc 127.0.0.1 " + address.getPort());
    }
  }

  @Test
  void requestBytesAreExactlyAsWritten() {
    InetSocketAddress host = new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080);

    assertThat(new String(Requests.request("POST", "/submit", host, "Content-Length: 0"), StandardCharsets.ISO_8859_1))
        .isEqualTo("POST /submit HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    assertThat(Requests.methodOf(ascii("HEAD / HTTP/1.1\r\n"))).isEqualTo("HEAD");
    assertThat(Requests.methodOf(ascii("garbage"))).isEqualTo("GET");
  }


  private static Exchange get(HostileServer server, ParseMode mode) {
    return runner(server.address(), mode, connection -> {})
        .send("GET /", request(server.address()), Deadline.after(Duration.ofSeconds(10)));
  }

  private static ExchangeRunner runner(InetSocketAddress address, ParseMode mode,
      java.util.function.Consumer<RawConnection> opened) {
    return new ExchangeRunner(address, RawConnection.DEFAULT_BYTE_CAP, mode, CLOSE_GRACE, opened);
  }

  private static byte[] request(InetSocketAddress address) {
    return Requests.get("/", address);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
