package dev.wirelab.labs.lab03;

import static dev.wirelab.check.Expectations.complete;
import static dev.wirelab.check.Expectations.failAt;

import dev.wirelab.check.CheckContext;
import dev.wirelab.check.CheckFailure;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.PersistentConnection;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.wire.Ending;
import java.time.Duration;
import java.util.Locale;

/**
 * Assertions about a connection's life after a response: kept open for the next request, or closed
 * right after the last one. Each failure points at the end of the response it is about.
 */
final class KeptConnections {
  private KeptConnections() {}

  /**
   * The connection is still open {@code grace} after the response: the server neither closed it nor
   * sent anything unasked.
   *
   * @param why the rule that keeps it open, for the student: "HTTP/1.1 is persistent by default"
   */
  static void stillOpen(Exchange answered, PersistentConnection connection, Duration grace, String why,
      String section) throws CheckFailure {
    HttpResponse response = complete(answered);
    Ending ending = connection.awaitClose(grace);
    if (ending != Ending.OPEN) {
      throw failAt(answered, response.endOffset(), "the connection kept open after this response (" + why + ")",
          ending.description() + " " + millisAfter(answered, response) + " after the response", section);
    }
    if (connection.unconsumedBytes() > 0) {
      throw failAt(answered, response.endOffset(), "nothing after the response until the next request",
          connection.unconsumedBytes() + " more bytes", "RFC 9112 §6.3");
    }
  }

  /**
   * The server closes the connection within {@code grace} after the response, and sends nothing after
   * it. A reset counts as closed here; whether it cost the client the response shows elsewhere.
   */
  static void closedAfter(Exchange answered, PersistentConnection connection, Duration grace, String why,
      String section) throws CheckFailure {
    HttpResponse response = complete(answered);
    Ending ending = connection.awaitClose(grace);
    if (connection.unconsumedBytes() > 0) {
      throw failAt(answered, response.endOffset(), "nothing after the response: the connection ends here",
          connection.unconsumedBytes() + " more bytes", section);
    }
    if (ending != Ending.PEER_CLOSED && ending != Ending.RESET) {
      throw failAt(answered, response.endOffset(),
          "the server to close the connection after this response (" + why + ")",
          "a connection still open " + grace.toMillis() + " ms after the response", section);
    }
  }

  /**
   * Sends {@code request} on a connection that answered {@code previous}. When the server closes
   * without a byte of an answer, the harness cannot tell whether it closed after {@code previous} or on
   * reading this request; the diagnostic says both, at the end of {@code previous}, where the answer
   * should have started.
   */
  static Exchange next(CheckContext context, PersistentConnection connection, Exchange previous, String label,
      byte[] request, String why, String section) throws CheckFailure {
    long receivedBefore = connection.transcript().receivedTotal();
    Exchange exchange = context.exchange(connection, label, request);
    boolean nothingCame = connection.transcript().receivedTotal() == receivedBefore;
    Ending ending = connection.ending();
    if (nothingCame && (ending == Ending.PEER_CLOSED || ending == Ending.RESET)) {
      throw failAt(exchange, previous.response().endOffset(),
          "a response to " + label + " on the same connection (" + why + ")",
          ending.description() + " and no byte of a response: the server closed after the previous"
              + " response, or on reading this request", section);
    }
    return exchange;
  }

  /** The response's Connection field lists {@code option} ({@code close}, {@code keep-alive}). */
  static void hasOption(Exchange answered, String option, String section) throws CheckFailure {
    HttpResponse response = complete(answered);
    if (!response.headers().hasToken("Connection", option)) {
      throw failAt(answered, connectionFieldOrEndOfHead(response),
          "a \"Connection: " + option + "\" field", describeConnectionField(response), section);
    }
  }

  /** The response's Connection field does not list {@code option}. */
  static void lacksOption(Exchange answered, String option, String why, String section) throws CheckFailure {
    HttpResponse response = complete(answered);
    if (response.headers().hasToken("Connection", option)) {
      throw failAt(answered, connectionFieldOrEndOfHead(response),
          "no \"" + option + "\" connection option (" + why + ")", describeConnectionField(response), section);
    }
  }

  private static long connectionFieldOrEndOfHead(HttpResponse response) {
    return response.headers().field("Connection").map(field -> field.offset())
        .orElse(response.bodyOffset() - 2);
  }

  private static String describeConnectionField(HttpResponse response) {
    return response.headers().all("Connection").isEmpty() ? "no Connection field"
        : "\"Connection: " + String.join(", ", response.headers().listValues("Connection")) + "\"";
  }

  /** "12 ms": from the arrival of the response's last byte to the connection's end, as far as known. */
  private static String millisAfter(Exchange answered, HttpResponse response) {
    long lastByteNanos = answered.transcript().arrivalNanos(response.endOffset() - 1);
    long endNanos = answered.transcript().events().stream()
        .filter(event -> event.kind() == dev.wirelab.wire.WireEvent.Kind.FIN
            || event.kind() == dev.wirelab.wire.WireEvent.Kind.RESET)
        .mapToLong(dev.wirelab.wire.WireEvent::nanos).findFirst().orElse(-1);
    if (lastByteNanos < 0 || endNanos < 0) return "soon";
    return String.format(Locale.ROOT, "%.0f ms", (endNanos - lastByteNanos) / 1e6);
  }
}
