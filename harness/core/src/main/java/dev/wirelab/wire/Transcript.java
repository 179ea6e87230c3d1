package dev.wirelab.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one connection carried: the bytes sent, the bytes received with the time each read
 * returned, and how it ended. Times are nanoseconds since the first request byte was written.
 *
 * <p>Received bytes are kept until {@link #releaseBytes()}, which a grader calls once a check has
 * rendered its diagnostics, so that many large transcripts never pile up in memory.
 *
 * <p>Threads: one thread reads and records; another may close the connection (recording that) or draw a
 * report from it. Recording and snapshots are synchronized; the received buffer itself is touched only
 * by the reading thread until the check that owns it is done.
 */
public final class Transcript {
  static final int MAX_READ_EVENTS = 10_000;
  private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
  private final List<WireEvent> events = new ArrayList<>();
  private final List<WireEvent> reads = new ArrayList<>();
  private byte[] received = new byte[1024];
  private int receivedCount;
  private long receivedTotal;
  private boolean released;
  /** Growth stops here: the connection's byte cap, so the buffer never doubles past what it may hold. */
  private final long capacityLimit;

  Transcript(long capacityLimit) {
    this.capacityLimit = capacityLimit;
  }
  private long originNanos = Long.MIN_VALUE;
  private Ending ending = Ending.OPEN;
  private boolean harnessClosedFirst;

  long startClock(long nowNanos) {
    if (originNanos == Long.MIN_VALUE) originNanos = nowNanos;
    return originNanos;
  }

  /**
   * A time of this transcript ({@link WireEvent#nanos()}, a chunk's arrival) on the {@link System#nanoTime}
   * clock, to compare it with what happened on another connection.
   */
  public synchronized long absoluteNanos(long relativeNanos) {
    if (originNanos == Long.MIN_VALUE) throw new IllegalStateException("nothing has happened on this connection yet");
    return originNanos + relativeNanos;
  }

  long relative(long nowNanos) {
    return originNanos == Long.MIN_VALUE ? 0 : nowNanos - originNanos;
  }

  synchronized void recordSent(byte[] bytes, int from, int to, long nowNanos) {
    startClock(nowNanos);
    events.add(new WireEvent(WireEvent.Kind.SENT, relative(nowNanos), sent.size(), to - from, null));
    sent.write(bytes, from, to - from);
  }

  synchronized void recordReceived(byte[] bytes, int count, long nowNanos) {
    ensureCapacity(receivedCount + count);
    System.arraycopy(bytes, 0, received, receivedCount, count);
    if (reads.size() >= MAX_READ_EVENTS) {
      // A server dribbling single bytes must not grow the timeline without bound: later reads are
      // folded into the last one, which keeps its first arrival time.
      WireEvent last = reads.remove(reads.size() - 1);
      WireEvent merged = new WireEvent(WireEvent.Kind.RECEIVED, last.nanos(), last.offset(),
          last.byteCount() + count, "reads merged");
      reads.add(merged);
      events.set(events.lastIndexOf(last), merged);
    } else {
      WireEvent read =
          new WireEvent(WireEvent.Kind.RECEIVED, relative(nowNanos), receivedCount, count, null);
      events.add(read);
      reads.add(read);
    }
    receivedCount += count;
    receivedTotal += count;
  }

  synchronized void recordEvent(WireEvent.Kind kind, long nowNanos, String detail) {
    events.add(new WireEvent(kind, relative(nowNanos), receivedCount, 0, detail));
  }

  synchronized void end(Ending ending, long nowNanos, String detail) {
    if (this.ending != Ending.OPEN) return;
    this.ending = ending;
    WireEvent.Kind kind = switch (ending) {
      case PEER_CLOSED -> WireEvent.Kind.FIN;
      case RESET -> WireEvent.Kind.RESET;
      case TIMEOUT -> WireEvent.Kind.TIMEOUT;
      case BYTE_CAP -> WireEvent.Kind.BYTE_CAP;
      case CONNECT_FAILED, OPEN -> WireEvent.Kind.ERROR;
    };
    recordEvent(kind, nowNanos, detail);
  }

  synchronized void closedByHarness(long nowNanos) {
    if (ending == Ending.OPEN) harnessClosedFirst = true;
    recordEvent(WireEvent.Kind.CLOSED_BY_HARNESS, nowNanos, null);
  }

  private void ensureCapacity(int needed) {
    if (needed <= received.length) return;
    long capacity = received.length;
    while (capacity < needed) capacity = Math.min(capacity * 2, Math.max(needed, capacityLimit));
    received = java.util.Arrays.copyOf(received, (int) Math.min(capacity, Integer.MAX_VALUE - 8));
  }

  /** The bytes received so far; the array is shared, read only up to {@link #receivedCount()}. */
  public byte[] receivedBuffer() {
    if (released) throw new IllegalStateException("transcript bytes were released");
    return received;
  }

  public byte[] received() {
    return java.util.Arrays.copyOf(receivedBuffer(), receivedCount);
  }

  public int receivedCount() {
    return released ? 0 : receivedCount;
  }

  /** Bytes received in total, also after {@link #releaseBytes()}. */
  public long receivedTotal() {
    return receivedTotal;
  }

  public byte[] sent() {
    return sent.toByteArray();
  }

  /** A snapshot: a harness thread may still be closing the connection while a report is drawn. */
  public synchronized List<WireEvent> events() {
    return List.copyOf(events);
  }

  public synchronized List<WireEvent> reads() {
    return List.copyOf(reads);
  }

  /** When the byte at {@code offset} arrived, in nanoseconds since the request was sent; -1 if never. */
  public synchronized long arrivalNanos(long offset) {
    int low = 0;
    int high = reads.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      WireEvent read = reads.get(mid);
      if (offset < read.offset()) high = mid - 1;
      else if (offset >= read.offset() + read.byteCount()) low = mid + 1;
      else return read.nanos();
    }
    return -1;
  }

  public Ending ending() {
    return ending;
  }

  /** True when the harness closed the connection while the server still had it open. */
  public boolean harnessClosedFirst() {
    return harnessClosedFirst;
  }

  public boolean isReleased() {
    return released;
  }

  /** Drops the received bytes, keeping the timeline; afterwards only totals and events remain. */
  public synchronized void releaseBytes() {
    released = true;
    received = new byte[0];
  }
}
