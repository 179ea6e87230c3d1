package dev.wirelab.client;

import dev.wirelab.http.ParseMode;
import dev.wirelab.http.ResponseParser;
import dev.wirelab.wire.Deadline;
import dev.wirelab.wire.Ending;
import dev.wirelab.wire.RawConnection;
import dev.wirelab.wire.Transcript;
import dev.wirelab.wire.WireEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Sends one request on a fresh connection and reads one response with the parser, then keeps listening
 * a little longer to see whether the server closes and whether anything follows the response.
 */
public final class ExchangeRunner {
  /** After the response: enough bytes to show what follows it, not a stream's worth. */
  static final long LINGER_BYTE_BUDGET = 64 * 1024;
  private final InetSocketAddress address;
  private final long byteCap;
  private final ParseMode mode;
  private final Duration closeGrace;
  private final Consumer<RawConnection> opened;

  /**
   * @param closeGrace how long to keep reading after a complete response, to observe the server's FIN
   *     and any bytes it should not have sent
   * @param opened told about each connection as it opens, so whoever owns the deadline can close it
   */
  public ExchangeRunner(InetSocketAddress address, long byteCap, ParseMode mode, Duration closeGrace,
      Consumer<RawConnection> opened) {
    this.address = address;
    this.byteCap = byteCap;
    this.mode = mode;
    this.closeGrace = closeGrace;
    this.opened = opened;
  }

  public Exchange send(String label, byte[] request, Deadline deadline) {
    return send(label, request, 0, Duration.ZERO, deadline);
  }

  /**
   * Sends {@code request}, in pieces of {@code pieceSize} bytes with {@code pause} between them when
   * {@code pieceSize > 0}, then reads the response.
   */
  public Exchange send(String label, byte[] request, int pieceSize, Duration pause, Deadline deadline) {
    int pieces = pieceSize > 0 ? (request.length + pieceSize - 1) / pieceSize : 1;
    RawConnection connection;
    try {
      connection = RawConnection.open(address, deadline, byteCap);
    } catch (IOException e) {
      ResponseParser nothing = new ResponseParser(Requests.methodOf(request), Requests.versionOf(request), mode);
      return new Exchange(label, address, request, pieces, null, nothing.response(), e.getMessage());
    }
    opened.accept(connection);
    try (connection) {
      if (pieceSize > 0) connection.sendInPieces(request, pieceSize, pause, deadline);
      else connection.send(request);
      ResponseParser parser = new ResponseParser(Requests.methodOf(request), Requests.versionOf(request), mode);
      // Bytes that arrived while the request was still being sent in pieces.
      for (WireEvent early : connection.transcript().reads()) {
        int offset = (int) early.offset();
        parser.feed(connection.transcript().receivedBuffer(), offset, offset + early.byteCount(), offset,
            early.nanos());
      }
      Ending ending = parser.isDone() ? connection.transcript().ending() : connection.read((transcript, offset, count, nanos) -> {
        parser.feed(transcript.receivedBuffer(), offset, offset + count, offset, nanos);
        return parser.isDone();
      }, deadline);
      Transcript transcript = connection.transcript();
      if (ending == Ending.PEER_CLOSED) parser.endOfInput(transcript.receivedCount());
      if (ending == Ending.OPEN) connection.linger(deadline.atMost(closeGrace), LINGER_BYTE_BUDGET);
      return new Exchange(label, address, request, pieces, transcript, parser.response(), null);
    }
  }
}
