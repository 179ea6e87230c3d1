package dev.wirelab.thirdparty;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.wirelab.client.Exchange;
import dev.wirelab.http.Chunk;
import dev.wirelab.http.Framing;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.http.ParseMode;
import dev.wirelab.http.Rule;
import dev.wirelab.http.Violation;
import dev.wirelab.inspect.InspectRequest;
import dev.wirelab.inspect.Inspector;
import dev.wirelab.wire.Ending;
import dev.wirelab.wire.RawConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code inspect} against WireMock's fault injection. WireMock frames a body of unknown length by closing
 * the connection when the request asked for {@code Connection: close}, and by chunking when the request
 * was keep-alive; the chunked faults only show up in the second case.
 */
@Timeout(60)
class WireMockHostileServerTest {
  private static final String GARBAGE = "lskdu018973t09sylgasjkfg1][]'./.sdlv"; // what WireMock sends
  private static final Duration DEADLINE = Duration.ofSeconds(5);
  private static final int DRIBBLE_CHUNKS = 4;
  private static final long DRIBBLE_MILLIS = 400;

  private static WireMockServer server;

  @BeforeAll
  static void startServer() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
    server.start();
    for (Fault fault : Fault.values()) {
      server.stubFor(get(urlEqualTo("/fault/" + fault)).willReturn(aResponse().withFault(fault)));
    }
    server.stubFor(get(urlEqualTo("/dribble")).willReturn(aResponse().withStatus(200)
        .withBody("0123456789".repeat(DRIBBLE_CHUNKS)).withChunkedDribbleDelay(DRIBBLE_CHUNKS, (int) DRIBBLE_MILLIS)));
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @Test
  void emptyResponseIsNoStatusLineAtAll() throws Exception {
    Exchange exchange = inspect("/fault/EMPTY_RESPONSE", false);

    assertThat(exchange.ending()).isEqualTo(Ending.PEER_CLOSED);
    Violation violation = exchange.firstViolation();
    assertThat(violation.rule()).isEqualTo(Rule.STATUS_LINE);
    assertThat(violation.offset()).isZero();
    assertThat(violation.actual()).isEqualTo("the connection closed before any byte of a response");
    assertThat(exchange.outcome())
        .isEqualTo("a close (FIN) from the server; 0 bytes received; parser: stopped at a violation at byte 0");
  }

  @Test
  void malformedChunkIsAnIncompleteChunkedBody() throws Exception {
    Exchange exchange = inspect("/fault/MALFORMED_RESPONSE_CHUNK", true);

    HttpResponse response = exchange.response();
    assertThat(response.framing()).isEqualTo(Framing.CHUNKED);
    assertThat(response.complete()).isFalse();
    assertThat(response.chunks()).isEmpty();
    // Judged at the first byte that cannot start a chunk size, not when the connection ends.
    Violation violation = exchange.firstViolation();
    assertThat(violation.rule()).isEqualTo(Rule.CHUNK_SIZE);
    assertThat(violation.offset()).isEqualTo(exchange.transcript().receivedTotal() - GARBAGE.length());
    assertThat(violation.expected()).isEqualTo("a chunk size in hexadecimal");
    assertThat(receivedText(exchange)).endsWith("\r\n\r\n" + GARBAGE);
  }

  @Test
  void malformedChunkOnAClosingConnectionIsAValidCloseDelimitedBody() throws Exception {
    Exchange exchange = inspect("/fault/MALFORMED_RESPONSE_CHUNK", false);

    // No chunked framing was promised, so the garbage is simply the body: nothing to report.
    HttpResponse response = exchange.response();
    assertThat(response.isValid()).as(exchange.outcome()).isTrue();
    assertThat(response.framing()).isEqualTo(Framing.CLOSE_DELIMITED);
    assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).isEqualTo(GARBAGE);
  }

  @Test
  void randomDataThenCloseNeverBecomesAStatusLine() throws Exception {
    Exchange exchange = inspect("/fault/RANDOM_DATA_THEN_CLOSE", false);

    assertThat(exchange.ending()).isEqualTo(Ending.PEER_CLOSED);
    assertThat(exchange.response().hasStatusLine()).isFalse();
    assertThat(receivedText(exchange)).isEqualTo(GARBAGE);
    // Judged at the first byte that cannot start "HTTP/", not when the connection ends.
    Violation violation = exchange.firstViolation();
    assertThat(violation.rule()).isEqualTo(Rule.STATUS_LINE);
    assertThat(violation.offset()).isZero();
    assertThat(violation.expected()).contains("starting with \"HTTP/\"");
  }

  @Test
  void connectionResetByPeerIsReportedAsReset() throws Exception {
    Exchange exchange = inspect("/fault/CONNECTION_RESET_BY_PEER", false);

    assertThat(exchange.ending()).isEqualTo(Ending.RESET);
    assertThat(exchange.response().complete()).isFalse();
    assertThat(exchange.outcome()).startsWith("a reset (RST) from the server; 0 bytes received; parser: ");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fault.class)
  void everyFaultGetsAVerdictBeforeTheDeadline(Fault fault) throws Exception {
    for (boolean keepAlive : List.of(true, false)) {
      long start = System.nanoTime();
      Exchange exchange = inspect("/fault/" + fault, keepAlive);
      long elapsed = System.nanoTime() - start;

      String context = fault + (keepAlive ? " keep-alive: " : " close: ") + exchange.outcome();
      assertThat(elapsed).as(context).isLessThan(DEADLINE.toNanos());
      assertThat(exchange.ending()).as(context).isIn(Ending.PEER_CLOSED, Ending.RESET, Ending.OPEN);
      assertThat(exchange.outcome()).as(context).isNotBlank();
      boolean explained = exchange.firstViolation() != null || exchange.ending() == Ending.RESET
          || exchange.response().isValid(); // a close-delimited body of garbage is still a body
      assertThat(explained).as(context).isTrue();
    }
  }

  @Test
  void dribbledBodyArrivesAsChunksSpreadOutInTime() throws Exception {
    Exchange exchange = inspect("/dribble", true);

    HttpResponse response = exchange.response();
    assertThat(response.isValid()).as(exchange.outcome()).isTrue();
    assertThat(response.framing()).isEqualTo(Framing.CHUNKED);
    assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).isEqualTo("0123456789".repeat(DRIBBLE_CHUNKS));
    List<Chunk> chunks = response.dataChunks();
    assertThat(chunks).hasSizeGreaterThanOrEqualTo(2);
    assertThat(chunks).extracting(Chunk::firstByteNanos).isSorted();
    long spreadNanos = chunks.get(chunks.size() - 1).firstByteNanos() - chunks.get(0).firstByteNanos();
    // The first chunk leaves after one delay, the last after all of them: (n - 1) / n of the duration.
    long expectedNanos = TimeUnit.MILLISECONDS.toNanos(DRIBBLE_MILLIS) * (DRIBBLE_CHUNKS - 1) / DRIBBLE_CHUNKS;
    assertThat(spreadNanos).isGreaterThanOrEqualTo(expectedNanos / 2);
    assertThat(MockWebServerInspectTest.bodyReads(exchange.transcript(), response)).isGreaterThanOrEqualTo(2);
  }

  private static Exchange inspect(String path, boolean keepAlive) throws Exception {
    URI url = URI.create("http://127.0.0.1:" + server.port() + path);
    List<String> fields = keepAlive ? List.of("Connection: keep-alive") : List.of();
    return new Inspector(ParseMode.STRICT, DEADLINE, RawConnection.DEFAULT_BYTE_CAP)
        .inspect(new InspectRequest(url, "GET", false, fields));
  }

  private static String receivedText(Exchange exchange) {
    return new String(exchange.transcript().received(), StandardCharsets.ISO_8859_1);
  }
}
