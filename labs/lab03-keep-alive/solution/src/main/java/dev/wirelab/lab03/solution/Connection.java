package dev.wirelab.lab03.solution;

import java.io.BufferedInputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * One client's connection, as long as it lasts: the socket, the ONE buffered input that every request
 * on it is read from, the buffered output every response goes through, and how many requests it has
 * carried.
 *
 * <p>Why one input buffer: a read() takes whatever has arrived, which may be the end of this request
 * and the start of the next (pipelining, RFC 9112 §9.3.2). Those bytes sit in the buffer; a new buffer
 * per request would throw them away.
 */
public final class Connection {
  private final Socket socket;
  private final BufferedInputStream in;
  private final OutputStream wire;
  private int requestCount;

  public Connection(Socket socket, BufferedInputStream in, OutputStream wire) {
    this.socket = socket;
    this.in = in;
    this.wire = wire;
  }

  public Socket socket() {
    return socket;
  }

  public BufferedInputStream in() {
    return in;
  }

  public OutputStream wire() {
    return wire;
  }

  /** The requests read so far, the one being answered included: 1 while the first is answered. */
  public int requestCount() {
    return requestCount;
  }

  void countRequest() {
    requestCount++;
  }
}
