package dev.wirelab.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.wirelab.client.Exchange;
import dev.wirelab.http.Chunk;
import dev.wirelab.http.Framing;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.http.ParseMode;
import dev.wirelab.inspect.InspectRequest;
import dev.wirelab.inspect.Inspector;
import dev.wirelab.wire.Ending;
import dev.wirelab.wire.RawConnection;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code inspect} against the JDK's own HTTP server, whose chunked writer is a model one. */
@Timeout(60)
class JdkHttpServerInspectTest {
  private static final List<String> PIECES = List.of("alpha", "bravo", "charlie");
  private static final long PAUSE_MILLIS = 100;

  private HttpServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/fixed", exchange -> {
      byte[] body = "Hello, wirelab".getBytes(StandardCharsets.ISO_8859_1);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.createContext("/chunked", exchange -> {
      exchange.sendResponseHeaders(200, 0); // 0: length unknown, so chunked
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < PIECES.size(); i++) {
          if (i > 0) sleep(PAUSE_MILLIS);
          out.write(PIECES.get(i).getBytes(StandardCharsets.ISO_8859_1));
          out.flush(); // one flush, one chunk
        }
      }
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void fixedLengthResponseIsFramedByContentLength() throws Exception {
    Exchange exchange = inspect("/fixed");

    HttpResponse response = exchange.response();
    assertThat(response.isValid()).as(exchange.outcome()).isTrue();
    assertThat(response.framing()).isEqualTo(Framing.CONTENT_LENGTH);
    assertThat(response.declaredLength()).isEqualTo(14);
    assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).isEqualTo("Hello, wirelab");
    assertThat(exchange.bytesAfterResponse()).isZero();
  }

  @Test
  void eachFlushBecomesOneChunk() throws Exception {
    Exchange exchange = inspect("/chunked");

    HttpResponse response = exchange.response();
    assertThat(response.isValid()).as(exchange.outcome()).isTrue();
    assertThat(response.framing()).isEqualTo(Framing.CHUNKED);
    assertThat(response.dataChunks()).extracting(Chunk::size).containsExactly(5L, 5L, 7L);
    assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).isEqualTo("alphabravocharlie");
    assertThat(response.chunks().get(response.chunks().size() - 1).isLast()).isTrue();
  }

  @Test
  void pausedChunksArriveSpreadOutInTime() throws Exception {
    Exchange exchange = inspect("/chunked");

    List<Chunk> chunks = exchange.response().dataChunks();
    assertThat(chunks).hasSize(3);
    long spreadNanos = chunks.get(2).firstByteNanos() - chunks.get(0).firstByteNanos();
    long pausesNanos = TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS * (PIECES.size() - 1));
    assertThat(spreadNanos).isGreaterThanOrEqualTo(pausesNanos / 2);
    assertThat(chunks).extracting(Chunk::firstByteNanos).isSorted();
    assertThat(MockWebServerInspectTest.bodyReads(exchange.transcript(), exchange.response()))
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void serverClosesAfterAConnectionCloseRequest() throws Exception {
    Exchange exchange = inspect("/fixed");

    assertThat(exchange.ending()).isEqualTo(Ending.PEER_CLOSED);
  }

  private Exchange inspect(String path) throws Exception {
    Inspector inspector = new Inspector(ParseMode.STRICT, Duration.ofSeconds(15), RawConnection.DEFAULT_BYTE_CAP);
    return inspector.inspect(InspectRequest.get("http://127.0.0.1:" + server.getAddress().getPort() + path));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
