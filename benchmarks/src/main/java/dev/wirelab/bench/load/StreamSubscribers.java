package dev.wirelab.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * S streaming subscribers on one thread. A thousand idle streams need no thousand client threads: one
 * selector reads whichever socket has bytes, and the client's own scheduling stays out of the figures as
 * far as one core allows. Connections open at most {@code connectWindow} at a time, so a burst of SYNs
 * doesn't overflow the server's accept queue (a dropped SYN costs a one-second retransmit, which would
 * show up as a slow prelude rather than as the server's fault).
 *
 * <p>Each subscriber sends {@code GET /stream} (only messages newer than its arrival), waits for the
 * prelude chunk, then records, for every message it receives, the time from the POST being sent to the
 * chunk holding the message arriving.
 */
final class StreamSubscribers implements AutoCloseable {
  private static final long HIGHEST_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(10);

  private final InetSocketAddress target;
  private final int subscriberCount;
  private final int connectWindow;
  private final SentMessages sent;
  private final Selector selector;
  private final Thread ioThread;
  private final List<Subscriber> subscribers = new ArrayList<>();
  private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
  private final Histogram latencyMicros = new Histogram(HIGHEST_LATENCY_MICROS, 3);
  private final Histogram preludeMicros = new Histogram(HIGHEST_LATENCY_MICROS, 3);
  private final AtomicInteger readyCount = new AtomicInteger();
  private final AtomicInteger failedBeforePreludeCount = new AtomicInteger();
  private final AtomicLong deliveredCount = new AtomicLong();
  private volatile boolean stopping;
  private int connectingCount;
  private IOException ioFailure;

  StreamSubscribers(InetSocketAddress target, int subscriberCount, int connectWindow, SentMessages sent)
      throws IOException {
    if (subscriberCount < 1) throw new IllegalArgumentException("subscriberCount < 1: " + subscriberCount);
    if (connectWindow < 1) throw new IllegalArgumentException("connectWindow < 1: " + connectWindow);
    this.target = target;
    this.subscriberCount = subscriberCount;
    this.connectWindow = connectWindow;
    this.sent = sent;
    this.selector = Selector.open();
    this.ioThread = new Thread(this::run, "comet-load-io");
    this.ioThread.setDaemon(true);
  }

  void start() {
    ioThread.start();
  }

  /** Waits until every subscriber has its prelude or has failed; false if the time ran out first. */
  boolean awaitSettled(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (readyCount.get() + failedBeforePreludeCount.get() < subscriberCount) {
      if (System.nanoTime() > deadline || !ioThread.isAlive()) return false;
      Thread.sleep(10);
    }
    return true;
  }

  /** Waits until {@code expected} messages in all have arrived; false if the time ran out first. */
  boolean awaitDelivered(long expected, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (deliveredCount.get() < expected) {
      if (System.nanoTime() > deadline || !ioThread.isAlive()) return false;
      Thread.sleep(5);
    }
    return true;
  }

  int readyCount() {
    return readyCount.get();
  }

  long deliveredCount() {
    return deliveredCount.get();
  }

  /** The I/O thread's id, to read its CPU time. */
  long ioThreadId() {
    return ioThread.getId();
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  /** Stops the I/O thread and closes every connection; the accessors below are valid afterwards. Idempotent. */
  void stop() throws IOException {
    if (stopping) return;
    stopping = true;
    selector.wakeup();
    try {
      ioThread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!ioThread.isAlive()) closeQuietly(selector); // the thread may never have started
    if (ioFailure != null) throw ioFailure;
  }

  List<Subscriber> subscribers() {
    return subscribers;
  }

  Histogram latencyMicros() {
    return latencyMicros;
  }

  Histogram preludeMicros() {
    return preludeMicros;
  }

  private void run() {
    try {
      while (!stopping) {
        openMore();
        selector.select(50);
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          handle(key, (Subscriber) key.attachment());
        }
      }
    } catch (IOException e) {
      ioFailure = e;
    } finally {
      for (Subscriber subscriber : subscribers) closeQuietly(subscriber);
      closeQuietly(selector);
    }
  }

  private void openMore() throws IOException {
    while (subscribers.size() < subscriberCount && connectingCount < connectWindow) {
      SocketChannel channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      String request = "GET /stream HTTP/1.1\r\nHost: " + target.getHostString() + ":" + target.getPort()
          + "\r\nAccept: text/html\r\n\r\n";
      Subscriber subscriber = new Subscriber(subscribers.size(), channel,
          ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
      subscriber.scanner = new MessageScanner((id, sequence, arrivalNanos) -> message(subscriber, id, sequence,
          arrivalNanos));
      subscriber.decoder = new ChunkedStreamDecoder((data, byteCount, arrivalNanos) -> chunk(subscriber, data,
          byteCount, arrivalNanos));
      subscribers.add(subscriber);
      connectingCount++;
      subscriber.connectStartNanos = System.nanoTime();
      boolean connected = channel.connect(target);
      channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, subscriber);
    }
  }

  private void handle(SelectionKey key, Subscriber subscriber) {
    try {
      if (key.isValid() && key.isConnectable()) {
        subscriber.channel.finishConnect();
        key.interestOps(SelectionKey.OP_WRITE);
      }
      if (key.isValid() && key.isWritable()) {
        subscriber.channel.write(subscriber.request);
        if (!subscriber.request.hasRemaining()) key.interestOps(SelectionKey.OP_READ);
      }
      if (key.isValid() && key.isReadable()) read(key, subscriber);
    } catch (IOException e) {
      fail(key, subscriber, "connection failed: " + e);
    }
  }

  private void read(SelectionKey key, Subscriber subscriber) throws IOException {
    while (true) {
      readBuffer.clear();
      int byteCount = subscriber.channel.read(readBuffer);
      if (byteCount == 0) return;
      if (byteCount < 0) {
        fail(key, subscriber, "the server closed the connection after " + subscriber.decoder.chunkCount() + " chunks");
        return;
      }
      subscriber.decoder.feed(readBuffer.array(), 0, byteCount, System.nanoTime());
      switch (subscriber.decoder.step()) {
        case FAILED -> fail(key, subscriber, subscriber.decoder.failure());
        case ENDED -> fail(key, subscriber, "expected a stream that never ends but a last-chunk arrived");
        default -> { }
      }
      if (!key.isValid()) return;
    }
  }

  private void chunk(Subscriber subscriber, byte[] data, int byteCount, long arrivalNanos) {
    if (!subscriber.hasPrelude()) {
      subscriber.preludeNanos = arrivalNanos; // the first chunk is the prelude, whatever it holds
      preludeMicros.recordValue(Math.min(HIGHEST_LATENCY_MICROS, (arrivalNanos - subscriber.connectStartNanos) / 1000));
      connectingCount--;
      readyCount.incrementAndGet();
      return;
    }
    if (byteCount >= 4 && data[0] == '<' && data[1] == '!' && data[2] == '-' && data[3] == '-') {
      subscriber.heartbeatCount++;
      return;
    }
    subscriber.scanner.scan(data, byteCount, arrivalNanos);
  }

  private void message(Subscriber subscriber, long id, int sequence, long arrivalNanos) {
    long sentNanos = sent.sentAt(sequence);
    if (sentNanos == 0) {
      subscriber.foreignCount++; // posted by someone else, or by a POST that failed
      return;
    }
    if (subscriber.received.get(sequence)) {
      subscriber.duplicateCount++;
      return;
    }
    subscriber.received.set(sequence);
    if (id <= subscriber.lastId) subscriber.outOfOrderCount++;
    subscriber.lastId = Math.max(subscriber.lastId, id);
    subscriber.deliveredCount++;
    deliveredCount.incrementAndGet();
    if (!sent.isWarmup(sequence)) {
      latencyMicros.recordValue(Math.min(HIGHEST_LATENCY_MICROS, Math.max(0, (arrivalNanos - sentNanos) / 1000)));
    }
  }

  private void fail(SelectionKey key, Subscriber subscriber, String why) {
    if (subscriber.hasFailed()) return;
    subscriber.failure = why;
    if (!subscriber.hasPrelude()) {
      connectingCount--;
      failedBeforePreludeCount.incrementAndGet();
    }
    key.cancel();
    closeQuietly(subscriber);
  }

  private static void closeQuietly(Subscriber subscriber) {
    try {
      subscriber.channel.close();
    } catch (IOException ignored) {
      // Closing is all that is left to do with it.
    }
  }

  private static void closeQuietly(Selector selector) {
    try {
      selector.close();
    } catch (IOException ignored) {
      // The thread is ending either way.
    }
  }
}
