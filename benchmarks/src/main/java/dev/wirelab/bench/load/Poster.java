package dev.wirelab.bench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Posts messages {@code load 0}, {@code load 1}, ... at a steady rate, over a few kept-alive connections
 * taking turns: message i goes on connection i mod N. Message i is due at {@code start + i / rate},
 * whatever happened to message i - 1, so a slow POST makes later ones late (reported as lateness) instead
 * of silently lowering the rate. Several connections, because one POST answer can take a delayed ACK's
 * 40 ms when the server writes its head and body in two segments (note 02, section 5), which would cap one
 * connection near 20 posts a second. The send time is taken just before the request's first byte is
 * written, and the whole request goes out in one write.
 */
final class Poster {
  private static final int MAX_FAILURES_KEPT = 5;

  record Result(int postedCount, int failedCount, List<String> failures, long firstSendNanos, long lastSendNanos,
      Histogram roundTripMicros, long maxLatenessMicros) {}

  private final InetSocketAddress target;
  private final SentMessages sent;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  private Poster(InetSocketAddress target, SentMessages sent) {
    this.target = target;
    this.sent = sent;
  }

  /**
   * Posts sequence numbers {@code [0, messageCount)} at {@code ratePerSecond} over {@code connectionCount}
   * connections, one thread each, and returns when all are done.
   */
  static Result postAll(InetSocketAddress target, SentMessages sent, double ratePerSecond, int messageCount,
      int connectionCount) throws InterruptedException {
    if (ratePerSecond <= 0) throw new IllegalArgumentException("ratePerSecond <= 0: " + ratePerSecond);
    if (connectionCount < 1) throw new IllegalArgumentException("connectionCount < 1: " + connectionCount);
    if (messageCount > sent.capacity()) {
      throw new IllegalArgumentException("messageCount " + messageCount + " > capacity " + sent.capacity());
    }
    long periodNanos = Math.round(1e9 / ratePerSecond);
    long startNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
    Result[] results = new Result[connectionCount];
    List<Thread> threads = new ArrayList<>();
    for (int k = 0; k < connectionCount; k++) {
      int first = k;
      Thread thread = new Thread(() -> results[first] = new Poster(target, sent)
          .run(startNanos, periodNanos, messageCount, first, connectionCount), "comet-load-poster-" + k);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) thread.join();
    return merge(results);
  }

  private static Result merge(Result[] results) {
    Histogram roundTripMicros = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    List<String> failures = new ArrayList<>();
    int postedCount = 0;
    int failedCount = 0;
    long firstSendNanos = Long.MAX_VALUE;
    long lastSendNanos = 0;
    long maxLatenessMicros = 0;
    for (Result result : results) {
      postedCount += result.postedCount();
      failedCount += result.failedCount();
      result.failures().stream().limit(MAX_FAILURES_KEPT - failures.size()).forEach(failures::add);
      if (result.firstSendNanos() != 0) firstSendNanos = Math.min(firstSendNanos, result.firstSendNanos());
      lastSendNanos = Math.max(lastSendNanos, result.lastSendNanos());
      roundTripMicros.add(result.roundTripMicros());
      maxLatenessMicros = Math.max(maxLatenessMicros, result.maxLatenessMicros());
    }
    return new Result(postedCount, failedCount, failures, firstSendNanos == Long.MAX_VALUE ? 0 : firstSendNanos,
        lastSendNanos, roundTripMicros, maxLatenessMicros);
  }

  /** Posts sequence numbers {@code first}, {@code first + stride}, ... below {@code messageCount}. */
  private Result run(long startNanos, long periodNanos, int messageCount, int first, int stride) {
    Histogram roundTripMicros = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    List<String> failures = new ArrayList<>();
    int postedCount = 0;
    int failedCount = 0;
    long maxLatenessNanos = 0;
    long firstSendNanos = 0;
    long lastSendNanos = 0;
    try {
      for (int sequence = first; sequence < messageCount; sequence += stride) {
        long dueNanos = startNanos + sequence * periodNanos;
        for (long wait = dueNanos - System.nanoTime(); wait > 0; wait = dueNanos - System.nanoTime()) {
          LockSupport.parkNanos(wait);
        }
        byte[] body = (MessageScanner.CONTENT_PREFIX + sequence).getBytes(StandardCharsets.UTF_8);
        String failure = post(sequence, body, roundTripMicros);
        long sentNanos = sent.sentAt(sequence);
        if (sentNanos != 0) {
          if (firstSendNanos == 0) firstSendNanos = sentNanos;
          lastSendNanos = sentNanos;
          maxLatenessNanos = Math.max(maxLatenessNanos, sentNanos - dueNanos);
        }
        if (failure == null) {
          postedCount++;
        } else {
          failedCount++;
          if (failures.size() < MAX_FAILURES_KEPT) failures.add("load " + sequence + ": " + failure);
        }
      }
    } finally {
      disconnect();
    }
    return new Result(postedCount, failedCount, failures, firstSendNanos, lastSendNanos, roundTripMicros,
        maxLatenessNanos / 1000);
  }

  /** Sends one POST and reads its answer; returns why it failed, or null once the server said 201. */
  private String post(int sequence, byte[] body, Histogram roundTripMicros) {
    byte[] head = ("POST /messages HTTP/1.1\r\nHost: " + target.getHostString() + ":" + target.getPort()
        + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    try {
      if (socket == null) connect();
      long sentNanos = System.nanoTime();
      sent.markSent(sequence, sentNanos);
      out.write(request);
      out.flush();
      String statusLine = readLine();
      boolean close = false;
      long contentLength = -1;
      for (String line = readLine(); !line.isEmpty(); line = readLine()) {
        int colon = line.indexOf(':');
        if (colon < 0) continue;
        String name = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Content-Length")) contentLength = Long.parseLong(value);
        if (name.equalsIgnoreCase("Connection") && value.toLowerCase(Locale.ROOT).contains("close")) close = true;
      }
      if (contentLength < 0) {
        disconnect(); // without a length the end of this answer is unknowable on a kept connection
        return "expected a Content-Length on the answer to POST /messages but there was none";
      }
      in.skipNBytes(contentLength);
      roundTripMicros.recordValue(Math.min(roundTripMicros.getHighestTrackableValue(),
          (System.nanoTime() - sentNanos) / 1000));
      if (close) disconnect();
      if (!statusLine.startsWith("HTTP/1.1 201 ")) {
        sent.unmarkSent(sequence); // nothing stored: no subscriber should get it
        return "expected \"HTTP/1.1 201 Created\" but was \"" + statusLine + "\"";
      }
      return null;
    } catch (IOException | RuntimeException e) {
      sent.unmarkSent(sequence);
      disconnect();
      return "the POST failed: " + e;
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(target, 5_000);
    socket.setSoTimeout(30_000);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  private void disconnect() {
    if (socket == null) return;
    try {
      socket.close();
    } catch (IOException ignored) {
      // The next POST opens a new connection either way.
    }
    socket = null;
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) throw new IOException("the server closed the connection in the middle of an answer");
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
