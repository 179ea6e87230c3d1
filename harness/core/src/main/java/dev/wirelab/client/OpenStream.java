package dev.wirelab.client;

import dev.wirelab.http.HttpResponse;
import dev.wirelab.http.ParseMode;
import dev.wirelab.http.ResponseParser;
import dev.wirelab.wire.Deadline;
import dev.wirelab.wire.Ending;
import dev.wirelab.wire.RawConnection;
import dev.wirelab.wire.Transcript;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A response that does not end on its own (a comet stream, Server-Sent Events), watched a while at a
 * time: the request is sent once, and each {@link #awaitUntil} reads on until what has arrived so far
 * satisfies a condition or the wait is over. Waiting longer than the server takes to send something is
 * not a failure here; the stream simply stays open for the next wait.
 */
public final class OpenStream implements Closeable {
  private final String label;
  private final InetSocketAddress address;
  private final byte[] request;
  private final RawConnection connection;
  private final ResponseParser parser;
  private final Deadline limit;

  private OpenStream(String label, InetSocketAddress address, byte[] request, RawConnection connection,
      ParseMode mode, Deadline limit) {
    this.label = label;
    this.address = address;
    this.request = request;
    this.connection = connection;
    this.parser = new ResponseParser(Requests.methodOf(request), Requests.versionOf(request), mode);
    this.limit = limit;
  }

  /**
   * Connects, sends {@code request}, and returns without reading. {@code limit} bounds every later wait,
   * whatever it asks for. Nothing listening throws {@link java.net.ConnectException}.
   */
  public static OpenStream open(String label, InetSocketAddress address, byte[] request, Deadline limit,
      long byteCap, ParseMode mode) throws IOException {
    RawConnection connection = RawConnection.open(address, limit, byteCap);
    OpenStream stream = new OpenStream(label, address, request, connection, mode, limit);
    connection.send(request);
    return stream;
  }

  /**
   * Reads until {@code condition} holds for the response so far, the server closes, or {@code patience}
   * passes. Returns whether the condition holds.
   */
  public boolean awaitUntil(Predicate<HttpResponse> condition, Duration patience) {
    if (condition.test(parser.response())) return true;
    Transcript transcript = connection.transcript();
    connection.readUntil((received, offset, byteCount, nanos) -> {
      parser.feed(received.receivedBuffer(), offset, offset + byteCount, offset, nanos);
      return parser.isDone() || condition.test(parser.response());
    }, limit.atMost(patience));
    if (!parser.isDone() && transcript.ending() == Ending.PEER_CLOSED) parser.endOfInput(transcript.receivedTotal());
    return condition.test(parser.response());
  }

  /** Reads whatever arrives during {@code duration}, then returns with the stream still open. */
  public void watch(Duration duration) {
    awaitUntil(response -> false, duration);
  }

  /** The response as far as it has arrived. */
  public HttpResponse response() {
    return parser.response();
  }

  /** The stream so far as an exchange, for diagnostics and the report. */
  public Exchange snapshot() {
    return new Exchange(label, address, request, 1, connection.transcript(), parser.response(), null);
  }

  public Transcript transcript() {
    return connection.transcript();
  }

  public Ending ending() {
    return connection.transcript().ending();
  }

  /** May be called from another thread, by whoever owns the deadline. */
  @Override
  public void close() {
    connection.close();
  }
}
