package dev.wirelab.lab04.solution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A request over a plain socket, and the raw bytes that come back, chunk framing and all. */
final class RawClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();

  RawClient(int port, String request) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
    in = socket.getInputStream();
  }

  /** Sends more bytes on the same connection. */
  void send(String bytes) throws IOException {
    socket.getOutputStream().write(bytes.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads until what was received contains {@code expected}, or the time is up; returns all received. */
  String readUntil(String expected, long timeoutMillis) throws IOException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    byte[] buffer = new byte[8192];
    while (!received().contains(expected)) {
      long remaining = deadline - System.currentTimeMillis();
      if (remaining <= 0) break;
      socket.setSoTimeout((int) remaining);
      int byteCount;
      try {
        byteCount = in.read(buffer);
      } catch (SocketTimeoutException timeUp) {
        break;
      }
      if (byteCount == -1) break;
      received.write(buffer, 0, byteCount);
    }
    return received();
  }

  /** True when the server closed the connection within the time. */
  boolean closedWithin(long timeoutMillis) throws IOException {
    socket.setSoTimeout((int) timeoutMillis);
    byte[] buffer = new byte[8192];
    try {
      while (true) {
        int byteCount = in.read(buffer);
        if (byteCount == -1) return true;
        received.write(buffer, 0, byteCount);
      }
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  String received() {
    return received.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
