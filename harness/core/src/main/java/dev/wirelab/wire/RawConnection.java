package dev.wirelab.wire;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A TCP client that sends exactly the bytes it is given and records, with timestamps, exactly the bytes
 * that come back. Nothing here interprets HTTP.
 *
 * <p>No call blocks past the deadline it is given: reads poll in short slices, and the total number of
 * bytes accepted from the server is capped so a server that streams forever cannot exhaust memory.
 */
public final class RawConnection implements Closeable {
  public static final long DEFAULT_BYTE_CAP = 64L * 1024 * 1024;
  private static final int POLL_MILLIS = 50;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final Transcript transcript;
  private final long byteCap;
  private volatile boolean closed;

  private RawConnection(Socket socket, Transcript transcript, long byteCap) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.transcript = transcript;
    this.byteCap = byteCap;
  }

  /**
   * Connects within the deadline. A refused or timed-out connect throws {@link ConnectException}; the
   * caller reports it as the server not listening.
   */
  public static RawConnection open(InetSocketAddress address, Deadline deadline, long byteCap)
      throws IOException {
    if (byteCap <= 0) throw new IllegalArgumentException("byteCap <= 0: " + byteCap);
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true); // a request written in pieces must leave in pieces
      socket.connect(address, (int) Math.max(1, deadline.remainingMillis()));
    } catch (IOException e) {
      socket.close();
      ConnectException failure =
          new ConnectException("cannot connect to " + address + ": " + e.getMessage());
      failure.initCause(e);
      throw failure;
    }
    Transcript transcript = new Transcript(byteCap);
    transcript.recordEvent(WireEvent.Kind.CONNECTED, System.nanoTime(), address.toString());
    return new RawConnection(socket, transcript, byteCap);
  }

  public Transcript transcript() {
    return transcript;
  }

  /** Writes all of {@code bytes} at once. A server that closed or reset is recorded, not thrown. */
  public boolean send(byte[] bytes) {
    return write(bytes, 0, bytes.length);
  }

  /**
   * Writes {@code bytes} in pieces of {@code pieceSize} with a pause after each, as a slow client or a
   * network that splits segments would. Stops early if the deadline passes.
   */
  public boolean sendInPieces(byte[] bytes, int pieceSize, Duration pause, Deadline deadline) {
    if (pieceSize <= 0) throw new IllegalArgumentException("pieceSize <= 0: " + pieceSize);
    for (int from = 0; from < bytes.length; from += pieceSize) {
      // An answer that starts before the request is complete is the point of sending in pieces:
      // record it when it arrives, not after the last piece.
      if (!readAvailable()) return false;
      if (!write(bytes, from, Math.min(bytes.length, from + pieceSize))) return false;
      if (from + pieceSize < bytes.length) {
        if (deadline.isExpired()) return false;
        // A zero pause still sends separate writes: TCP_NODELAY makes each its own segment.
        long sleepMillis = Math.min(pause.toMillis(), deadline.remainingMillis());
        if (sleepMillis > 0) sleep(sleepMillis);
      }
    }
    return true;
  }

  /** Records whatever the server has already sent, without blocking; false once it has closed. */
  private boolean readAvailable() {
    try {
      int available = in.available();
      long room = byteCap - transcript.receivedTotal();
      if (available <= 0 || room <= 0) return true;
      byte[] buffer = new byte[(int) Math.min(available, room)];
      int count = in.read(buffer);
      if (count < 0) {
        transcript.end(Ending.PEER_CLOSED, System.nanoTime(), null);
        return false;
      }
      transcript.recordReceived(buffer, count, System.nanoTime());
      return true;
    } catch (IOException e) {
      return true; // the read that follows the sending reports how the connection ended
    }
  }

  private boolean write(byte[] bytes, int from, int to) {
    try {
      transcript.recordSent(bytes, from, to, System.nanoTime());
      out.write(bytes, from, to - from);
      out.flush();
      return true;
    } catch (IOException e) {
      transcript.recordEvent(WireEvent.Kind.ERROR, System.nanoTime(), "write failed: " + e.getMessage());
      return false;
    }
  }

  /** Half-closes: tells the server no more request bytes will come (TCP FIN from the client). */
  public void shutdownOutput() {
    try {
      socket.shutdownOutput();
    } catch (IOException ignored) {
      // Already closed by the peer: the transcript records that from the read side.
    }
  }

  /**
   * Reads until the listener has enough, the server closes or resets, the byte cap is reached, or the
   * deadline passes. Returns the ending, {@link Ending#OPEN} when the listener stopped the reading.
   */
  public Ending read(ArrivalListener listener, Deadline deadline) {
    return read(listener, deadline, true);
  }

  /**
   * Reads until the listener has enough, the server closes, or the deadline passes; unlike
   * {@link #read}, a deadline that passes leaves the connection open ({@link Ending#OPEN}), for a
   * response that does not end on its own and is watched a while at a time.
   */
  public Ending readUntil(ArrivalListener listener, Deadline deadline) {
    return read(listener, deadline, false);
  }

  /**
   * Keeps reading after the reader has what it needed, to see whether the server closes or sends more.
   * Unlike {@link #read}, a deadline that passes is no fault of the server: the ending stays
   * {@link Ending#OPEN}.
   */
  public Ending linger(Deadline deadline) {
    return read(ArrivalListener.UNTIL_CLOSE, deadline, false);
  }

  /**
   * The same, but stops once {@code byteBudget} more bytes have arrived: enough to show that something
   * followed the response, without reading a server that never stops up to the byte cap.
   */
  public Ending linger(Deadline deadline, long byteBudget) {
    long limit = transcript.receivedTotal() + byteBudget;
    return read((received, offset, count, nanos) -> received.receivedTotal() >= limit, deadline, false);
  }

  private Ending read(ArrivalListener listener, Deadline deadline, boolean deadlineIsTimeout) {
    if (transcript.ending() != Ending.OPEN) return transcript.ending();
    byte[] buffer = new byte[64 * 1024];
    while (true) {
      long remainingMillis = deadline.remainingMillis();
      if (remainingMillis <= 0) {
        if (!deadlineIsTimeout) return Ending.OPEN;
        transcript.end(Ending.TIMEOUT, System.nanoTime(), "no complete answer within the deadline");
        return Ending.TIMEOUT;
      }
      long room = byteCap - transcript.receivedTotal();
      if (room <= 0) {
        transcript.end(Ending.BYTE_CAP, System.nanoTime(), byteCap + " bytes");
        return Ending.BYTE_CAP;
      }
      int count;
      try {
        socket.setSoTimeout((int) Math.max(1, Math.min(remainingMillis, POLL_MILLIS)));
        count = in.read(buffer, 0, (int) Math.min(buffer.length, room));
      } catch (SocketTimeoutException e) {
        continue;
      } catch (SocketException e) {
        if (closed) {
          // Our own close() from another thread (a check past its deadline), not the server's RST.
          transcript.end(Ending.TIMEOUT, System.nanoTime(), "closed by the harness at the deadline");
          return Ending.TIMEOUT;
        }
        transcript.end(Ending.RESET, System.nanoTime(), e.getMessage());
        return Ending.RESET;
      } catch (IOException e) {
        transcript.end(Ending.RESET, System.nanoTime(), e.toString());
        return Ending.RESET;
      }
      long now = System.nanoTime();
      if (count < 0) {
        transcript.end(Ending.PEER_CLOSED, now, null);
        return Ending.PEER_CLOSED;
      }
      int offset = transcript.receivedCount();
      transcript.recordReceived(buffer, count, now);
      if (listener.onArrival(transcript, offset, count, transcript.relative(now))) return Ending.OPEN;
    }
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    transcript.closedByHarness(System.nanoTime());
    try {
      socket.close();
    } catch (IOException ignored) {
      // Nothing more to learn from this connection.
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
