package dev.wirelab.bench.browser;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A forever frame with nothing in between: a raw {@link ServerSocket} on 127.0.0.1, one thread per
 * connection, and for {@code GET /trial/ID} a chunked response that never ends:
 *
 * <pre>
 * HTTP/1.1 200 OK\r\n
 * Content-Type: text/plain\r\n
 * X-Content-Type-Options: nosniff\r\n          only for the nosniff case
 * Cache-Control: no-store\r\n
 * Transfer-Encoding: chunked\r\n
 * \r\n
 * 400\r\n                                       the prelude, P octets (no chunk at all when P = 0)
 * &lt;!DOCTYPE html&gt;&lt;html&gt;&lt;body&gt;     ...spaces...\r\n
 *                                              D milliseconds later:
 * 14\r\n                                        0x14 = 20 octets
 * &lt;p id="m1"&gt;first&lt;/p&gt;\r\n
 *                                              then nothing, until the trial ends and the socket closes
 * </pre>
 *
 * {@code GET /controller} is a small finished page of the same origin, from which the poller reads the
 * trial's window; anything else is a 404. Every chunk is one {@code write} on a socket with {@code TCP_NODELAY}, so nothing on this side holds it:
 * whatever delay is measured is the browser's.
 */
final class StreamingServer implements Closeable {
  static final byte[] MESSAGE = "<p id=\"m1\">first</p>".getBytes(StandardCharsets.US_ASCII);
  /** A finished page on the same origin as the trials, from which the poller's script reads them. */
  static final String CONTROLLER_PATH = "/controller";
  private static final int MAX_HEAD_BYTES = 16 * 1024;

  private final ServerSocket listener;
  private final Map<String, Trial> trials = new ConcurrentHashMap<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;

  StreamingServer() throws IOException {
    listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    acceptor = new Thread(this::acceptLoop, "padding-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Registers a trial; the browser loads it from {@code /trial/ID}. */
  Trial newTrial(ContentTypeCase contentType, int preludeBytes, long pauseMillis) {
    Trial trial = new Trial(UUID.randomUUID().toString(), contentType, preludeBytes, pauseMillis);
    trials.put(trial.id, trial);
    return trial;
  }

  String controllerUrl() {
    return "http://127.0.0.1:" + port() + CONTROLLER_PATH;
  }

  String url(Trial trial) {
    return "http://127.0.0.1:" + port() + "/trial/" + trial.id;
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : open) closeQuietly(socket);
    for (Trial trial : trials.values()) trial.end();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        open.add(socket);
        Thread handler = new Thread(() -> serve(socket), "padding-server-conn");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        if (!listener.isClosed()) System.err.println("accept failed: " + e);
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      String requestLine = readRequestHead(socket.getInputStream());
      // Chromium also opens speculative connections that never carry a request.
      if (requestLine == null) return;
      String[] parts = requestLine.split(" ");
      String path = parts.length >= 2 ? parts[1] : "";
      Trial trial = path.startsWith("/trial/") ? trials.get(path.substring("/trial/".length())) : null;
      OutputStream out = socket.getOutputStream();
      if (path.equals(CONTROLLER_PATH)) {
        byte[] page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>controller</title></head><body></body></html>"
            .getBytes(StandardCharsets.US_ASCII);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + page.length
            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(page);
        out.flush();
        return;
      }
      if (trial == null) {
        // /favicon.ico and anything else: answer and close, so the browser does not wait on it.
        out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return;
      }
      stream(trial, out);
    } catch (IOException e) {
      // The browser left (the trial is over) or the server closed: nothing to report.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(socket);
    }
  }

  private static void stream(Trial trial, OutputStream out) throws IOException, InterruptedException {
    StringBuilder head = new StringBuilder()
        .append("HTTP/1.1 200 OK\r\n")
        .append("Content-Type: ").append(trial.contentType.contentType()).append("\r\n");
    if (trial.contentType.nosniff()) head.append("X-Content-Type-Options: nosniff\r\n");
    head.append("Cache-Control: no-store\r\n")
        .append("Transfer-Encoding: chunked\r\n")
        .append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
    if (trial.preludeBytes > 0) {
      out.write(chunk(trial.contentType.prelude(trial.preludeBytes)));
      out.flush();
    }
    trial.preludeWritten.complete(System.nanoTime());
    Thread.sleep(trial.pauseMillis);
    out.write(chunk(MESSAGE));
    out.flush();
    // Taken after write returns: the chunk is in the kernel, on its way over loopback.
    trial.messageWritten.complete(System.nanoTime());
    // Never send the last-chunk: the response stays open until the trial ends.
    trial.ended.await(60, TimeUnit.SECONDS);
  }

  /** One chunk in one array, so that it leaves in one write: size line, data, CRLF (RFC 9112 §7.1). */
  static byte[] chunk(byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length + 16);
    bytes.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    bytes.writeBytes(data);
    bytes.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return bytes.toByteArray();
  }

  /** Reads up to the blank line; returns the request line, or null if the peer closed first. */
  private static String readRequestHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] terminator = {'\r', '\n', '\r', '\n'};
    while (matched < terminator.length) {
      int b = in.read();
      if (b < 0) return null;
      if (head.size() >= MAX_HEAD_BYTES) throw new IOException("request head over " + MAX_HEAD_BYTES + " octets");
      head.write(b);
      matched = b == terminator[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, text.indexOf("\r\n"));
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** One load of one cell: what the server sent and when. */
  static final class Trial {
    final String id;
    final ContentTypeCase contentType;
    final int preludeBytes;
    final long pauseMillis;
    final CompletableFuture<Long> preludeWritten = new CompletableFuture<>();
    final CompletableFuture<Long> messageWritten = new CompletableFuture<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    private Trial(String id, ContentTypeCase contentType, int preludeBytes, long pauseMillis) {
      this.id = id;
      this.contentType = contentType;
      this.preludeBytes = preludeBytes;
      this.pauseMillis = pauseMillis;
    }

    /** Lets the response's thread close the connection. */
    void end() {
      ended.countDown();
    }
  }
}
