package dev.wirelab.bench.framing;

/** Where the framed bytes go in {@link B04_FramingOverhead}. */
public enum Sink {
  /** A {@link CountingSink}: the framing's own cost, formatting and copying, and nothing else. */
  MEMORY,
  /** A loopback socket, each write one {@code send}: what the kernel adds per write and per byte. */
  LOOPBACK,
  /** The same socket behind an 8 KiB {@code BufferedOutputStream}, as every server has: small writes coalesce. */
  LOOPBACK_BUFFERED
}
