package dev.wirelab.check;

import static dev.wirelab.wire.HostileServer.answerThenClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wirelab.client.Exchange;
import dev.wirelab.client.ExchangeRunner;
import dev.wirelab.client.Requests;
import dev.wirelab.http.ParseMode;
import dev.wirelab.wire.Deadline;
import dev.wirelab.wire.HostileServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared assertions, against real bytes from a loopback server. */
@Timeout(60)
class ExpectationsTest {
  private static Exchange exchange(String response) throws Exception {
    try (HostileServer server = answerThenClose(response)) {
      ExchangeRunner runner = new ExchangeRunner(server.address(), 1 << 20, ParseMode.LENIENT,
          Duration.ofMillis(500), connection -> {});
      return runner.send("GET /", Requests.get("/", server.address()), Deadline.after(Duration.ofSeconds(10)));
    }
  }

  @Test
  void transferCodingNamesIgnoreCase() throws Exception {
    Exchange exchange = exchange("HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n0\r\n\r\n");

    assertThatCode(() -> Expectations.transferCodingIsChunked(exchange, "RFC 9112 §7")).doesNotThrowAnyException();
  }

  @Test
  void chunkedMustBeTheLastCoding() throws Exception {
    Exchange exchange = exchange("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\nxx");

    CheckFailure failure = catchThrowableOfType(CheckFailure.class,
        () -> Expectations.transferCodingIsChunked(exchange, "RFC 9112 §6.1"));
    assertThat(failure.diagnostic().actual()).isEqualTo("\"Transfer-Encoding: chunked, gzip\"");
    assertThat(failure.diagnostic().offset()).isEqualTo(17);
  }

  @Test
  void nothingAfterPointsAtTheFirstStrayByte() throws Exception {
    Exchange exchange = exchange("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi\r\n");

    CheckFailure failure = catchThrowableOfType(CheckFailure.class,
        () -> Expectations.nothingAfter(exchange, "the body", "RFC 9112 §6.3"));
    assertThat(failure.diagnostic().message()).isEqualTo("expected nothing after the body but was 2 more bytes");
    assertThat(failure.diagnostic().offset()).isEqualTo(40);
  }

  @Test
  void statusLineIsJudgesVersionThenCode() throws Exception {
    CheckFailure version = catchThrowableOfType(CheckFailure.class,
        () -> Expectations.statusLineIs(exchange("HTTP/1.0 200 OK\r\n\r\n"), 200));
    assertThat(version.diagnostic().message()).isEqualTo("expected HTTP-version \"HTTP/1.1\" but was \"HTTP/1.0\"");

    CheckFailure code = catchThrowableOfType(CheckFailure.class,
        () -> Expectations.statusLineIs(exchange("HTTP/1.1 404 Not\u001b[2J Found\r\n\r\n"), 200));
    assertThat(code.diagnostic().offset()).isEqualTo(9);
    assertThat(code.diagnostic().actual()).contains("\\x1B[2J").doesNotContain("\u001b");
  }
}
