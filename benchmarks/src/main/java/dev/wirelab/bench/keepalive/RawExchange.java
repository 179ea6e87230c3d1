package dev.wirelab.bench.keepalive;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 client connection on a raw socket, for {@link B05_KeepAlive}: it writes a request in
 * one write and reads exactly one response, ending where its Content-Length says (RFC 9112 §6.3 rule
 * 6). Reading exactly, never "until the peer is quiet", is what lets a second request follow on the
 * same connection.
 */
final class RawExchange implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final int READ_TIMEOUT_MILLIS = 10_000;
  private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] headBuffer = new byte[4096];

  RawExchange(InetSocketAddress server) throws IOException {
    socket = new Socket();
    // The request is a single write, so Nagle would never hold it; off anyway, to keep B02's question out of this one.
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    socket.connect(server, CONNECT_TIMEOUT_MILLIS);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  /** The request bytes for {@code GET path}, optionally asking the server to close after the response. */
  static byte[] request(InetSocketAddress server, String path, boolean close) {
    String head = "GET " + path + " HTTP/1.1\r\n"
        + "Host: " + server.getHostString() + ":" + server.getPort() + "\r\n"
        + (close ? "Connection: close\r\n" : "")
        + "\r\n";
    return head.getBytes(StandardCharsets.US_ASCII);
  }

  /** Sends {@code request} and reads the whole response; returns the body's byte count. */
  int exchange(byte[] request) throws IOException {
    out.write(request);
    out.flush();
    int headLength = readHead();
    int contentLength = contentLength(headLength);
    in.skipNBytes(contentLength); // Throws EOFException if the body ends early: a short count would be a framing bug.
    return contentLength;
  }

  /** Reads up to and including the blank line that ends the head; returns the head's length. */
  private int readHead() throws IOException {
    int length = 0;
    while (true) {
      int next = in.read();
      if (next == -1) throw new EOFException("expected a response head but the connection closed after " + length + " bytes");
      if (length == headBuffer.length) throw new IOException("expected a head under " + headBuffer.length + " bytes");
      headBuffer[length++] = (byte) next;
      if (length >= 4 && headBuffer[length - 4] == '\r' && headBuffer[length - 3] == '\n'
          && headBuffer[length - 2] == '\r' && headBuffer[length - 1] == '\n') {
        return length;
      }
    }
  }

  /** The Content-Length value in the head; the Lab 03 reference frames /hello that way. */
  private int contentLength(int headLength) throws IOException {
    for (int lineStart = 0; lineStart < headLength; ) {
      int lineEnd = lineStart;
      while (lineEnd < headLength && headBuffer[lineEnd] != '\n') lineEnd++;
      if (startsWithIgnoringCase(lineStart, lineEnd)) {
        String value = new String(headBuffer, lineStart + CONTENT_LENGTH.length,
            lineEnd - lineStart - CONTENT_LENGTH.length, StandardCharsets.US_ASCII);
        return Integer.parseInt(value.strip());
      }
      lineStart = lineEnd + 1;
    }
    throw new IOException("expected a Content-Length field but the head had none: "
        + new String(headBuffer, 0, headLength, StandardCharsets.US_ASCII));
  }

  private boolean startsWithIgnoringCase(int lineStart, int lineEnd) {
    if (lineEnd - lineStart < CONTENT_LENGTH.length) return false;
    for (int i = 0; i < CONTENT_LENGTH.length; i++) {
      if (Character.toLowerCase(headBuffer[lineStart + i]) != CONTENT_LENGTH[i]) return false;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
