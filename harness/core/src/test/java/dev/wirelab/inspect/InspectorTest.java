package dev.wirelab.inspect;

import static dev.wirelab.wire.HostileServer.answerThenClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.client.Exchange;
import dev.wirelab.http.ParseMode;
import dev.wirelab.http.Rule;
import dev.wirelab.wire.Ending;
import dev.wirelab.wire.HostileServer;
import dev.wirelab.wire.RawConnection;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class InspectorTest {
  private static final String BARE_LF = "HTTP/1.1 200 OK\nContent-Length: 2\n\nhi";

  @Test
  void strictInspectionStopsAtTheFirstBareLf() throws Exception {
    try (HostileServer server = answerThenClose(BARE_LF)) {
      Exchange exchange = inspector(ParseMode.STRICT).inspect(InspectRequest.get(url(server)));

      assertThat(exchange.response().complete()).isFalse();
      assertThat(exchange.firstViolation().rule()).isEqualTo(Rule.LINE_ENDING);
      assertThat(exchange.firstViolation().offset()).isEqualTo(15);
      assertThat(exchange.excerptAt(15).withCaret("")).isEqualTo(""
          + "HTTP/1.1 200 OK\\nContent-Length: 2\\n\\nhi\n"
          + "               ^");
    }
  }

  @Test
  void lenientInspectionReadsOnPastEachBareLf() throws Exception {
    try (HostileServer server = answerThenClose(BARE_LF)) {
      Exchange exchange = inspector(ParseMode.LENIENT).inspect(InspectRequest.get(url(server)));

      assertThat(exchange.response().complete()).isTrue();
      assertThat(exchange.response().body()).isEqualTo("hi".getBytes(StandardCharsets.ISO_8859_1));
      assertThat(exchange.response().violations()).extracting(v -> v.rule()).containsOnly(Rule.LINE_ENDING);
    }
  }

  @Test
  void requestOnTheWireIsTheInspectRequestBytes() throws Exception {
    try (HostileServer server = answerThenClose("HTTP/1.1 204 No Content\r\n\r\n")) {
      InspectRequest request = InspectRequest.get(url(server) + "probe?x=1");

      Exchange exchange = inspector(ParseMode.STRICT).inspect(request);

      assertThat(exchange.transcript().sent()).isEqualTo(request.bytes());
      assertThat(exchange.label()).isEqualTo("GET " + url(server) + "probe?x=1");
      assertThat(exchange.response().isValid()).isTrue();
      assertThat(exchange.ending()).isEqualTo(Ending.PEER_CLOSED);
    }
  }

  private static Inspector inspector(ParseMode mode) {
    return new Inspector(mode, Duration.ofSeconds(10), RawConnection.DEFAULT_BYTE_CAP);
  }

  private static String url(HostileServer server) {
    InetSocketAddress address = server.address();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/";
  }

}
