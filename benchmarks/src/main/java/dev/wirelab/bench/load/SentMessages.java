package dev.wirelab.bench.load;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When each message of a run was sent, by sequence number: the poster writes the time just before the
 * POST's first byte goes to the socket, and the subscribers read it when the message comes back. The
 * atomic write comes before the socket write, so a reader that has the message also sees its time.
 */
final class SentMessages {
  private final AtomicLongArray sendNanos;
  private final AtomicInteger sentCount = new AtomicInteger();
  private final int warmupCount;

  /** {@code capacity} sequence numbers, of which the first {@code warmupCount} warm up and are not measured. */
  SentMessages(int capacity, int warmupCount) {
    if (warmupCount < 0 || warmupCount > capacity) {
      throw new IllegalArgumentException("warmupCount " + warmupCount + " outside 0.." + capacity);
    }
    this.sendNanos = new AtomicLongArray(capacity);
    this.warmupCount = warmupCount;
  }

  int capacity() {
    return sendNanos.length();
  }

  int warmupCount() {
    return warmupCount;
  }

  /** Records that {@code sequence} is being sent now; call it just before writing the request. */
  void markSent(int sequence, long nanos) {
    sendNanos.set(sequence, nanos);
    sentCount.incrementAndGet();
  }

  /** Forgets a send whose POST failed, so its message is not expected anywhere. */
  void unmarkSent(int sequence) {
    if (sendNanos.getAndSet(sequence, 0) != 0) sentCount.decrementAndGet();
  }

  /** When {@code sequence} was sent, or 0 if it never was (or lies outside this run). */
  long sentAt(int sequence) {
    return sequence >= 0 && sequence < sendNanos.length() ? sendNanos.get(sequence) : 0;
  }

  boolean isWarmup(int sequence) {
    return sequence < warmupCount;
  }

  int sentCount() {
    return sentCount.get();
  }
}
