package dev.wirelab.client;

import dev.wirelab.http.HttpResponse;
import dev.wirelab.http.ParseMode;
import dev.wirelab.http.ResponseParser;
import dev.wirelab.wire.Deadline;
import dev.wirelab.wire.Ending;
import dev.wirelab.wire.RawConnection;
import dev.wirelab.wire.Transcript;
import dev.wirelab.wire.WireEvent;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Many requests and responses over one connection, as a keep-alive client carries them (RFC 9112 §9.3).
 * Each response is parsed from the byte where the previous one stopped, so the received stream is cut
 * into consecutive responses and nothing is skipped:
 *
 * <pre>
 *   offset 0                                     offset 43
 *   HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello HTTP/1.1 204 No Content\r\n\r\n
 *   &lt;------------ response 0 -------------&gt;&lt;------- response 1 -------&gt;
 * </pre>
 *
 * <p>Requests may be sent back to back before any response is read (pipelining, RFC 9112 §9.3.2); the
 * answers are matched to them in order, which is the only matching HTTP/1.1 has. Bytes a server sends
 * wrongly, a body longer than its Content-Length or garbage after a response, therefore show up at the
 * start of the next response, where the parser reports them.
 *
 * <p>A response that failed or stayed incomplete has no end of its own; the next one starts where its
 * parser stopped consuming. After a timeout, reset or byte cap the connection reads nothing more, so
 * every later response comes back incomplete at once; after the server's FIN each later response
 * reports the close as a violation.
 */
public final class PersistentConnection implements Closeable {
  private final InetSocketAddress address;
  private final RawConnection connection;
  private final ParseMode mode;
  private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
  private final List<HttpResponse> responses = new ArrayList<>();
  private final List<Long> startOffsets = new ArrayList<>();
  /** Received bytes that belong to the responses parsed so far; the next response starts here. */
  private long consumed;

  private PersistentConnection(InetSocketAddress address, RawConnection connection, ParseMode mode) {
    this.address = address;
    this.connection = connection;
    this.mode = mode;
  }

  /** Connects within the deadline; nothing listening throws {@link java.net.ConnectException}. */
  public static PersistentConnection open(InetSocketAddress address, Deadline deadline, long byteCap,
      ParseMode mode) throws IOException {
    return new PersistentConnection(address, RawConnection.open(address, deadline, byteCap), mode);
  }

  /** Writes the whole request; false when the server had closed or reset, which the transcript records. */
  public boolean send(byte[] request) {
    sent.writeBytes(request);
    return connection.send(request);
  }

  /** Writes the request in pieces with a pause after each; see {@link RawConnection#sendInPieces}. */
  public boolean sendInPieces(byte[] request, int pieceSize, Duration pause, Deadline deadline) {
    sent.writeBytes(request);
    return connection.sendInPieces(request, pieceSize, pause, deadline);
  }

  /** Sends {@code request} whole and reads its response, as one exchange of this connection. */
  public Exchange exchange(String label, byte[] request, Deadline deadline) {
    send(request);
    return answerTo(label, request, deadline);
  }

  /**
   * Reads the next response as the answer to {@code request}, which was sent earlier (pipelined, or in
   * pieces): an exchange whose offsets are those of the whole received stream.
   */
  public Exchange answerTo(String label, byte[] request, Deadline deadline) {
    HttpResponse response = nextResponse(request, deadline);
    return new Exchange(label, address, request, 1, connection.transcript(), response, null, sent.toByteArray());
  }

  /** The response to {@code request}, whose method and HTTP-version decide how the response is framed. */
  public HttpResponse nextResponse(byte[] request, Deadline deadline) {
    return nextResponse(Requests.methodOf(request), Requests.versionOf(request), deadline);
  }

  /**
   * Parses the next response: first the bytes already received and not yet consumed, then more reads
   * until the response is complete or failed, the server closes, the byte cap, or the deadline.
   *
   * @param requestMethod the method of the request this answers: a response to HEAD has no body even
   *     with a Content-Length (RFC 9110 §9.3.2)
   * @param requestVersion the request's HTTP-version, "HTTP/1.1" or "HTTP/1.0"
   * @return the response as far as it arrived; never null, never thrown over what the server did
   */
  public HttpResponse nextResponse(String requestMethod, String requestVersion, Deadline deadline) {
    Transcript transcript = connection.transcript();
    long start = consumed;
    ResponseParser parser = new ResponseParser(requestMethod, requestVersion, mode);
    feedReceived(parser, transcript);
    if (!parser.isDone()) {
      connection.read((received, offset, byteCount, nanos) -> {
        feed(parser, received, offset, offset + byteCount, nanos);
        return parser.isDone();
      }, deadline);
    }
    // The FIN may have come while reading this response or before it, during an earlier read.
    if (!parser.isDone() && transcript.ending() == Ending.PEER_CLOSED) parser.endOfInput(transcript.receivedTotal());
    HttpResponse response = parser.response();
    responses.add(response);
    startOffsets.add(start);
    return response;
  }

  /** The bytes that arrived before this response was asked for, each read with its own arrival time. */
  private void feedReceived(ResponseParser parser, Transcript transcript) {
    if (unconsumedBytes() == 0) return;
    for (WireEvent read : transcript.reads()) {
      long readEnd = read.offset() + read.byteCount();
      if (readEnd <= consumed) continue;
      feed(parser, transcript, Math.max(read.offset(), consumed), readEnd, read.nanos());
      if (parser.isDone()) return;
    }
  }

  /** Offers stream bytes {@code [from, to)}, from the first one not yet consumed, to the parser. */
  private void feed(ResponseParser parser, Transcript transcript, long from, long to, long nanos) {
    long start = Math.max(from, consumed);
    if (start >= to) return;
    // Stream offsets index the transcript's buffer: it keeps every byte until released, and the byte
    // cap keeps it below 2 GiB.
    consumed += parser.feed(transcript.receivedBuffer(), (int) start, (int) to, start, nanos);
  }

  /**
   * Keeps reading for up to {@code grace} to see whether the server closes. A connection still open at
   * the end is {@link Ending#OPEN}, not a timeout: keeping it open is what keep-alive means. Bytes that
   * arrive meanwhile, up to a budget, stay unconsumed for the next response.
   */
  public Ending awaitClose(Duration grace) {
    return connection.linger(Deadline.after(grace), ExchangeRunner.LINGER_BYTE_BUDGET);
  }

  /** Bytes received that belong to no parsed response yet: a pipelined answer, or bytes sent wrongly. */
  public long unconsumedBytes() {
    return connection.transcript().receivedTotal() - consumed;
  }

  /** The responses parsed so far, in the order they were asked for. */
  public List<HttpResponse> responses() {
    return List.copyOf(responses);
  }

  /** Where each response in {@link #responses()} started in the received stream. */
  public List<Long> startOffsets() {
    return List.copyOf(startOffsets);
  }

  public Ending ending() {
    return connection.transcript().ending();
  }

  public Transcript transcript() {
    return connection.transcript();
  }

  /** May be called from another thread, by whoever owns the deadline, to stop a read in progress. */
  @Override
  public void close() {
    connection.close();
  }
}
