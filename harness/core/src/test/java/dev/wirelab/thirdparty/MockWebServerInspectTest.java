package dev.wirelab.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.client.Exchange;
import dev.wirelab.http.Chunk;
import dev.wirelab.http.Framing;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.http.ParseMode;
import dev.wirelab.http.Rule;
import dev.wirelab.http.Violation;
import dev.wirelab.inspect.InspectRequest;
import dev.wirelab.inspect.Inspector;
import dev.wirelab.wire.RawConnection;
import dev.wirelab.wire.Transcript;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.BufferedSink;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code inspect} against OkHttp's MockWebServer: well-formed framings, throttling, and raw bad bytes. */
@Timeout(60)
class MockWebServerInspectTest {
  private static final Duration INSPECT_TIMEOUT = Duration.ofSeconds(15);

  private MockWebServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void contentLengthBodyArrivesExactly() throws Exception {
    server.enqueue(new MockResponse.Builder().body("Hello, wirelab").build());

    Exchange exchange = inspect("/fixed");

    HttpResponse response = exchange.response();
    assertThat(response.isValid()).as(exchange.outcome()).isTrue();
    assertThat(response.framing()).isEqualTo(Framing.CONTENT_LENGTH);
    assertThat(response.declaredLength()).isEqualTo(14);
    assertThat(text(response.body())).isEqualTo("Hello, wirelab");
  }

  @Test
  void chunkedBodyKeepsTheChunkSizesAskedFor() throws Exception {
    server.enqueue(new MockResponse.Builder().chunkedBody("abcdefghij", 4).build());

    Exchange exchange = inspect("/chunked");

    HttpResponse response = exchange.response();
    assertThat(response.isValid()).as(exchange.outcome()).isTrue();
    assertThat(response.framing()).isEqualTo(Framing.CHUNKED);
    assertThat(response.dataChunks()).extracting(Chunk::size).containsExactly(4L, 4L, 2L);
    assertThat(text(response.body())).isEqualTo("abcdefghij");
  }

  @Test
  void throttledBodyArrivesSpreadOutInTime() throws Exception {
    long periodMillis = 80;
    // Ten bytes, two per period: five bursts with four pauses between them.
    server.enqueue(new MockResponse.Builder().body("0123456789")
        .throttleBody(2, periodMillis, TimeUnit.MILLISECONDS).build());

    Exchange exchange = inspect("/throttled");

    HttpResponse response = exchange.response();
    assertThat(response.isValid()).as(exchange.outcome()).isTrue();
    assertThat(text(response.body())).isEqualTo("0123456789");
    Transcript transcript = exchange.transcript();
    long spreadNanos = transcript.arrivalNanos(response.endOffset() - 1) - transcript.arrivalNanos(response.bodyOffset());
    assertThat(spreadNanos).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(4 * periodMillis) / 2);
    assertThat(bodyReads(transcript, response)).isGreaterThanOrEqualTo(3);
  }

  @Test
  void chunkSizeThatIsNotHexIsAChunkSizeViolation() throws Exception {
    server.enqueue(rawChunkedBody("1g\r\nx\r\n0\r\n\r\n"));

    Exchange exchange = inspect("/bad-chunk-size");

    Violation violation = exchange.firstViolation();
    assertThat(violation).as(exchange.outcome()).isNotNull();
    assertThat(violation.rule()).isEqualTo(Rule.CHUNK_SIZE);
    assertThat(violation.offset()).isEqualTo(exchange.response().bodyOffset() + 1);
    assertThat(exchange.transcript().received()[(int) violation.offset()]).isEqualTo((byte) 'g');
    assertThat(exchange.response().complete()).isFalse();
  }

  @Test
  void chunkSizeWrittenInDecimalOverrunsItsData() throws Exception {
    // "10" meant as ten bytes; the parser reads sixteen and finds no CRLF where the chunk should end.
    server.enqueue(rawChunkedBody("10\r\n0123456789\r\n0\r\n\r\n"));

    Exchange exchange = inspect("/decimal-chunk-size");

    Violation violation = exchange.firstViolation();
    assertThat(violation).as(exchange.outcome()).isNotNull();
    assertThat(violation.rule()).isEqualTo(Rule.CHUNK_DATA_END);
    assertThat(violation.offset()).isEqualTo(exchange.response().bodyOffset() + 4 + 16);
  }

  /** Status line and headers from MockWebServer, then exactly {@code body} written to the socket. */
  private static MockResponse rawChunkedBody(String body) {
    return new MockResponse.Builder()
        .removeHeader("Content-Length")
        .addHeader("Transfer-Encoding", "chunked")
        .socketHandler(socket -> {
          try (BufferedSink sink = Okio.buffer(socket.getSink())) {
            sink.writeUtf8(body);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        })
        .build();
  }

  private Exchange inspect(String path) throws Exception {
    Inspector inspector = new Inspector(ParseMode.STRICT, INSPECT_TIMEOUT, RawConnection.DEFAULT_BYTE_CAP);
    long start = System.nanoTime();
    Exchange exchange = inspector.inspect(InspectRequest.get("http://127.0.0.1:" + server.getPort() + path));
    assertThat(System.nanoTime() - start).as("inspect returned within its deadline")
        .isLessThan(INSPECT_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(2));
    return exchange;
  }

  /** How many reads carried bytes of the body. */
  static long bodyReads(Transcript transcript, HttpResponse response) {
    return transcript.reads().stream()
        .filter(read -> read.offset() + read.byteCount() > response.bodyOffset() && read.offset() < response.endOffset())
        .count();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
