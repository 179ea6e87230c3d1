package dev.wirelab.lab04.solution.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A connection's one input buffer: every request on the connection is read from it, so bytes that a
 * client pipelined behind a request stay here for the next one (RFC 9112 §9.3.2).
 *
 * <p>It can also tell, without blocking and without writing, whether the client has closed its side:
 * {@link #clientHasClosed} reads whatever has arrived into the buffer and sees the FIN as the end of the
 * stream. That is what lets a subscriber that left be noticed before the next heartbeat is written.
 */
final class ConnectionInput extends InputStream {
  // Per connection, and a thousand subscribers are a thousand connections: small, yet larger than most heads.
  static final int BUFFER_BYTES = 4 * 1024;

  private final SocketChannel channel;
  private final InputStream socketInput; // the channel's blocking stream, which honours SO_TIMEOUT
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int limit;
  private boolean endOfStream;

  ConnectionInput(SocketChannel channel) throws IOException {
    this.channel = channel;
    this.socketInput = channel.socket().getInputStream();
  }

  /**
   * Waits up to {@code idleMillis} for the first byte of the next request and leaves it unread; false
   * when the client closed, or sent nothing for that long (the idle timeout: close without a word).
   */
  boolean awaitRequest(int idleMillis) throws IOException {
    setTimeout(idleMillis);
    try {
      return peek() != -1;
    } catch (SocketTimeoutException idle) {
      return false;
    }
  }

  /** The next byte without taking it, -1 at the end of the stream. */
  int peek() throws IOException {
    if (position == limit && !fill()) return -1;
    return buffer[position] & 0xFF;
  }

  /** How long a blocking read may wait for bytes before it throws {@link SocketTimeoutException}. */
  void setTimeout(int millis) throws IOException {
    channel.socket().setSoTimeout(millis);
  }

  @Override
  public int read() throws IOException {
    if (position == limit && !fill()) return -1;
    return buffer[position++] & 0xFF;
  }

  @Override
  public int read(byte[] target, int offset, int byteCount) throws IOException {
    if (byteCount == 0) return 0;
    if (position == limit && !fill()) return -1;
    int copied = Math.min(byteCount, limit - position);
    System.arraycopy(buffer, position, target, offset, copied);
    position += copied;
    return copied;
  }

  @Override
  public int available() {
    return limit - position;
  }

  /**
   * Whether the client has closed its side of the connection (or reset it). Whatever it sent meanwhile,
   * a request pipelined behind this one say, is read into the buffer and kept for the next request; once
   * the buffer is full the probe cannot see past those bytes and answers false, and a failed write is
   * then what notices the departure, as before.
   *
   * <p>The channel is non-blocking only for this one read: a read of an empty socket then returns 0, not
   * a wait, and a read at the FIN returns -1. Only the thread serving the connection calls this.
   */
  boolean clientHasClosed() {
    if (endOfStream) return true;
    compact();
    if (limit == buffer.length) return false;
    try {
      channel.configureBlocking(false);
      try {
        int byteCount = channel.read(ByteBuffer.wrap(buffer, limit, buffer.length - limit));
        if (byteCount == -1) endOfStream = true;
        else limit += byteCount;
      } finally {
        channel.configureBlocking(true);
      }
    } catch (IOException resetOrClosed) {
      endOfStream = true; // A reset, or the server closed the channel: nobody is left to read from.
    }
    return endOfStream;
  }

  /** Reads more into the buffer, blocking; false at the end of the stream. */
  private boolean fill() throws IOException {
    if (endOfStream) return false;
    compact();
    int byteCount = socketInput.read(buffer, limit, buffer.length - limit);
    if (byteCount == -1) {
      endOfStream = true;
      return false;
    }
    limit += byteCount;
    return true;
  }

  private void compact() {
    if (position == 0) return;
    System.arraycopy(buffer, position, buffer, 0, limit - position);
    limit -= position;
    position = 0;
  }
}
