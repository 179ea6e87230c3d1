package dev.wirelab.bench.load;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.BitSet;

/**
 * One {@code GET /stream} connection and what arrived on it. Only the I/O thread of
 * {@link StreamSubscribers} touches it while the run is on; others read it after that thread has ended.
 */
final class Subscriber {
  final int index;
  final SocketChannel channel;
  final ByteBuffer request;
  ChunkedStreamDecoder decoder;
  MessageScanner scanner;

  long connectStartNanos;
  long preludeNanos;
  /** Sequence numbers received, to find duplicates and, at the end, the missing. */
  final BitSet received = new BitSet();
  long lastId;
  int deliveredCount;
  int duplicateCount;
  int outOfOrderCount;
  int foreignCount;
  int heartbeatCount;
  String failure;

  Subscriber(int index, SocketChannel channel, ByteBuffer request) {
    this.index = index;
    this.channel = channel;
    this.request = request;
  }

  boolean hasPrelude() {
    return preludeNanos != 0;
  }

  boolean hasFailed() {
    return failure != null;
  }
}
