package dev.wirelab.client;

import dev.wirelab.http.HttpResponse;
import dev.wirelab.http.Violation;
import dev.wirelab.wire.Ending;
import dev.wirelab.wire.Escaping;
import dev.wirelab.wire.Excerpt;
import dev.wirelab.wire.Transcript;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request and what came back: the raw transcript, the parsed response, and how the connection ended.
 * A check asserts on this; a report draws its timeline.
 *
 * <p>Usually the request had a fresh connection of its own ({@link ExchangeRunner}). On a kept connection
 * ({@link PersistentConnection#exchange}) each request is one exchange: all share the connection's
 * transcript, the response's offsets are offsets of the whole received stream, and the ending is the
 * connection's.
 */
public final class Exchange {
  private final String label;
  private final InetSocketAddress address;
  private final byte[] request;
  private final int requestPieces;
  private final Transcript transcript;
  private HttpResponse response;
  private final String connectError;
  /** Every byte sent on the connection up to and including this request: what reproduces it. */
  private final byte[] sentOnConnection;

  Exchange(String label, InetSocketAddress address, byte[] request, int requestPieces,
      Transcript transcript, HttpResponse response, String connectError) {
    this(label, address, request, requestPieces, transcript, response, connectError, request);
  }

  Exchange(String label, InetSocketAddress address, byte[] request, int requestPieces,
      Transcript transcript, HttpResponse response, String connectError, byte[] sentOnConnection) {
    this.label = label;
    this.address = address;
    this.request = request;
    this.requestPieces = requestPieces;
    this.transcript = transcript;
    this.response = response;
    this.connectError = connectError;
    this.sentOnConnection = sentOnConnection;
  }

  public String label() {
    return label;
  }

  public byte[] request() {
    return request.clone();
  }

  public String requestText() {
    return new String(request, StandardCharsets.ISO_8859_1);
  }

  public int requestPieces() {
    return requestPieces;
  }

  /** Null when the connection could not be made. */
  public Transcript transcript() {
    return transcript;
  }

  /**
   * The response as the runner's parser saw it. Checks parse leniently (every violation recorded, parsing
   * goes on where it can); {@code inspect} parses strictly unless asked otherwise.
   */
  public HttpResponse response() {
    return response;
  }

  public boolean connected() {
    return connectError == null;
  }

  public String connectError() {
    return connectError;
  }

  public Ending ending() {
    return transcript == null ? Ending.CONNECT_FAILED : transcript.ending();
  }

  /** The first violation: where a strict parser would have stopped. */
  public Violation firstViolation() {
    List<Violation> violations = response.violations();
    return violations.isEmpty() ? null : violations.get(0);
  }

  /** Bytes that arrived after the end of the response; 0 when the response is incomplete. */
  public long bytesAfterResponse() {
    if (transcript == null || !response.complete()) return 0;
    return transcript.receivedTotal() - response.endOffset();
  }

  /**
   * How many request bytes had been sent when the first response byte arrived: less than the whole
   * request means the server answered a request it had not finished reading.
   */
  public long requestBytesSentBeforeAnswer() {
    if (transcript == null) return 0;
    long sent = 0;
    for (dev.wirelab.wire.WireEvent event : transcript.events()) {
      if (event.kind() == dev.wirelab.wire.WireEvent.Kind.RECEIVED) return sent;
      if (event.kind() == dev.wirelab.wire.WireEvent.Kind.SENT) sent += event.byteCount();
    }
    return sent;
  }

  /** True when the server closed (FIN) while the harness was still listening. */
  public boolean serverClosed() {
    return ending() == Ending.PEER_CLOSED;
  }

  public Excerpt excerptAt(long offset) {
    return Excerpt.around(transcript.receivedBuffer(), transcript.receivedCount(), offset);
  }

  /**
   * How it ended, as a noun phrase that reads after "but was", with where the parser stood: "a close
   * (FIN) from the server; 88 bytes received; parser: headers complete, Content-Length 14, 10 body ...".
   */
  public String outcome() {
    if (!connected()) return "could not connect: " + connectError;
    return ending().description() + "; " + transcript.receivedTotal() + " bytes received; parser: "
        + response.progress();
  }

  /**
   * A command that sends the same bytes by hand: on a kept connection, every request sent on it so far,
   * in one write (pauses between them are not reproduced).
   */
  public String reproduceCommand() {
    String host = address.getAddress().getHostAddress();
    return "printf '" + Escaping.forPrintf(sentOnConnection) + "' | nc " + host + " " + address.getPort();
  }

  /** Frees the received bytes once diagnostics are rendered; the timeline stays. */
  public void releaseBytes() {
    if (transcript != null) transcript.releaseBytes();
    response = response.withoutBody();
  }

  @Override
  public String toString() {
    return label + " (" + outcome() + ")";
  }
}
