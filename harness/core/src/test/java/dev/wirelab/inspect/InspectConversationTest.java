package dev.wirelab.inspect;

import static dev.wirelab.wire.HostileServer.readRequestHead;
import static dev.wirelab.wire.HostileServer.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.client.Conversation;
import dev.wirelab.http.Framing;
import dev.wirelab.http.ParseMode;
import dev.wirelab.wire.HostileServer;
import dev.wirelab.wire.RawConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Several requests on one connection, as {@code inspect --request} sends them. */
@Timeout(60)
class InspectConversationTest {
  private static final String HELLO = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhello\n"; // 44 bytes
  private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n"; // 38 bytes

  private final Inspector inspector = new Inspector(ParseMode.STRICT, Duration.ofSeconds(10),
      RawConnection.DEFAULT_BYTE_CAP);

  /** Answers GET then HEAD on one connection, then closes; records what the requests looked like. */
  private static HostileServer keepAliveServer(StringBuilder seen) throws Exception {
    return HostileServer.start(socket -> {
      seen.append(new String(readRequestHead(socket), StandardCharsets.ISO_8859_1));
      write(socket, HELLO);
      seen.append(new String(readRequestHead(socket), StandardCharsets.ISO_8859_1));
      write(socket, HEAD);
      socket.shutdownOutput();
      socket.getInputStream().read();
    });
  }

  private static List<InspectRequest> getThenHead(HostileServer server) {
    InspectRequest first = InspectRequest.get("http://127.0.0.1:" + server.address().getPort() + "/a");
    return List.of(first, first.withRequestLine("HEAD /b"));
  }

  @Test
  void eachResponseIsFoundWhereThePreviousOneEnded() throws Exception {
    StringBuilder seen = new StringBuilder();
    try (HostileServer server = keepAliveServer(seen)) {
      Conversation conversation = inspector.inspectAll(getThenHead(server), false);

      assertThat(conversation.turns()).hasSize(2);
      assertThat(conversation.turns().get(0).startOffset()).isZero();
      assertThat(conversation.turns().get(0).response().endOffset()).isEqualTo(44);
      assertThat(conversation.turns().get(1).startOffset()).isEqualTo(44);
      assertThat(conversation.turns().get(1).response().framing()).isEqualTo(Framing.NONE);
      assertThat(conversation.turns().get(1).response().endOffset()).isEqualTo(82);
      assertThat(conversation.allValid()).isTrue();
      assertThat(conversation.outcome()).startsWith("a close (FIN) from the server; 82 bytes received");
    }
    // Only the last request asks the server to close.
    assertThat(seen.toString()).startsWith("GET /a HTTP/1.1\r\nHost: 127.0.0.1:")
        .contains("\r\n\r\nHEAD /b HTTP/1.1\r\n").endsWith("Connection: close\r\n\r\n");
    assertThat(seen.toString().indexOf("Connection:")).isGreaterThan(seen.indexOf("HEAD /b"));
  }

  @Test
  void pipelinedRequestsGetTheSameAnswers() throws Exception {
    try (HostileServer server = keepAliveServer(new StringBuilder())) {
      Conversation conversation = inspector.inspectAll(getThenHead(server), true);

      assertThat(conversation.turns()).extracting(turn -> turn.response().endOffset()).containsExactly(44L, 82L);
      assertThat(conversation.unconsumedBytes()).isZero();
    }
  }

  @Test
  void bytesPastTheLastResponseAreCountedNotParsed() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> {
      readRequestHead(socket);
      write(socket, HELLO + "junk");
      socket.shutdownOutput();
      socket.getInputStream().read();
    })) {
      InspectRequest only = InspectRequest.get("http://127.0.0.1:" + server.address().getPort() + "/a");
      Conversation conversation = inspector.inspectAll(List.of(only), false);

      assertThat(conversation.unconsumedBytes()).isEqualTo(4);
      assertThat(conversation.allValid()).isFalse();
    }
  }
}
