package dev.wirelab.bench.buffering;

import dev.wirelab.bench.support.LoopbackPair;
import dev.wirelab.bench.support.Streams;
import dev.wirelab.lab02.solution.ChunkedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The threshold table of B03, measured rather than assumed, and what padding costs on the wire.
 *
 * <p>Part 1, over a loopback socket ({@code TCP_NODELAY} on): for each {@link Layer} and prelude P,
 * the application flushes prelude and 30-byte message into the layer, as one write (P + 30 bytes) or as
 * two (P, then 30), and nobody flushes the layer. The reader waits up to the cap (50 ms unless given
 * in milliseconds as the first argument) and counts the bytes that arrived. The expected column comes
 * from the rule in {@link Layer}'s comment; the row matches when the exact byte count agrees. Besides
 * the issue's paddings, each layer gets the two paddings that put one write at B - 1 and at B bytes:
 * "at the threshold" means a write of exactly B bytes, which passes straight through.
 *
 * <p>Part 2, in memory, exact: 100 messages of 30 bytes under each {@link PaddingDesign}, through each
 * layer: after which write message 1 became readable, how many were readable after the 100th write,
 * and the bytes sent per useful byte, bare and with chunked framing (each pass-down of the layer one
 * chunk, Lab 02's writer).
 *
 * <p>Run: {@code java -cp ... dev.wirelab.bench.buffering.PaddingThresholdTable [capMillis]}; a few
 * seconds, most of it the cap of held rows.
 */
public final class PaddingThresholdTable {
  private static final int[] ISSUE_PADDINGS = {0, 256, 1024, 2048, 4000, 4096, 8192};
  private static final int MESSAGES = 100;

  private PaddingThresholdTable() {}

  public static void main(String[] args) throws IOException {
    int capMillis = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    boolean allMatch = true;
    List<String> summaries = new ArrayList<>();
    System.out.printf(Locale.ROOT, "# Part 1: one unflushed layer, prelude then a %d-byte message; held = not all arrived within %d ms%n%n",
        Payloads.MESSAGE_BYTES, capMillis);
    System.out.println("| layer | padding P | one write: bytes | expected | measured | match | two writes: expected | measured | match |");
    System.out.println("|---|---:|---:|---|---|---|---|---|---|");
    for (Layer layer : Layer.values()) {
      LayerVerdict verdict = new LayerVerdict(layer);
      try (LoopbackPair pair = LoopbackPair.open(LoopbackPair.noDelay(true))) {
        for (int paddingBytes : paddingsFor(layer)) {
          verdict.add(measureRow(pair, layer, paddingBytes, capMillis));
        }
      }
      allMatch &= verdict.matches();
      summaries.add(verdict.summary());
    }
    System.out.println();
    summaries.forEach(System.out::println);
    System.out.println();
    System.out.println("GOAL padding threshold table matches each buffer size exactly (held below, immediate at or above): "
        + (allMatch ? "YES" : "NO"));
    System.out.println();
    printDesigns();
  }

  private static TreeSet<Integer> paddingsFor(Layer layer) {
    TreeSet<Integer> paddings = new TreeSet<>();
    for (int padding : ISSUE_PADDINGS) paddings.add(padding);
    if (layer != Layer.NONE) {
      paddings.add(layer.bufferBytes() - Payloads.MESSAGE_BYTES - 1);
      paddings.add(layer.bufferBytes() - Payloads.MESSAGE_BYTES);
    }
    return paddings;
  }

  /** One row: the one-write case, then the two-write case, on the same connection, drained between. */
  private static Row measureRow(LoopbackPair pair, Layer layer, int paddingBytes, int capMillis) throws IOException {
    byte[] prelude = Payloads.padding(paddingBytes);
    byte[] message = Payloads.message(1);
    byte[] scratch = new byte[64 * 1024];
    OutputStream socketOut = pair.server().getOutputStream();
    int totalBytes = prelude.length + message.length;

    OutputStream oneLayer = layer.over(socketOut);
    long startNanos = System.nanoTime();
    oneLayer.write(Payloads.concat(prelude, message));
    int oneArrived = Arrival.readUntil(pair.client(), scratch, totalBytes, startNanos + TimeUnit.MILLISECONDS.toNanos(capMillis));
    long oneNanos = System.nanoTime() - startNanos;
    drain(pair, oneLayer, scratch, totalBytes - oneArrived);

    OutputStream twoLayer = layer.over(socketOut);
    startNanos = System.nanoTime();
    if (prelude.length > 0) twoLayer.write(prelude);
    twoLayer.write(message);
    int twoArrived = Arrival.readUntil(pair.client(), scratch, totalBytes, startNanos + TimeUnit.MILLISECONDS.toNanos(capMillis));
    long twoNanos = System.nanoTime() - startNanos;
    drain(pair, twoLayer, scratch, totalBytes - twoArrived);

    Row row = new Row(layer, paddingBytes, totalBytes, oneArrived, oneNanos, twoArrived, twoNanos, capMillis);
    System.out.println(row);
    return row;
  }

  private static void drain(LoopbackPair pair, OutputStream layerOut, byte[] scratch, int heldBytes) throws IOException {
    layerOut.flush();
    Streams.skipExactly(pair.client().getInputStream(), scratch, heldBytes);
  }

  private record Row(Layer layer, int paddingBytes, int totalBytes, int oneArrived, long oneNanos,
      int twoArrived, long twoNanos, int capMillis) {
    int oneExpected() {
      return layer.passesAtOnce(totalBytes) ? totalBytes : 0;
    }

    int twoExpected() {
      return layer.passedAfterTwoWrites(paddingBytes, totalBytes - paddingBytes);
    }

    boolean oneMatches() {
      return oneArrived == oneExpected();
    }

    boolean twoMatches() {
      return twoArrived == twoExpected();
    }

    private String expected(int expectedBytes) {
      if (expectedBytes == totalBytes) return "immediate";
      return expectedBytes == 0 ? "held" : "held, " + expectedBytes + " B of prelude out";
    }

    private String measured(int arrivedBytes, long nanos) {
      if (arrivedBytes == totalBytes) {
        return String.format(Locale.ROOT, "immediate, %.0f us", nanos / 1e3);
      }
      return String.format(Locale.ROOT, "**held**: %d of %d B by %d ms", arrivedBytes, totalBytes, capMillis);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %s | %s |",
          layer, paddingBytes, totalBytes, expected(oneExpected()), measured(oneArrived, oneNanos),
          oneMatches() ? "yes" : "NO", expected(twoExpected()), measured(twoArrived, twoNanos),
          twoMatches() ? "yes" : "NO");
    }
  }

  /** Per layer: every row as expected, and the one-write threshold observed exactly at B. */
  private static final class LayerVerdict {
    private final Layer layer;
    private boolean allRowsMatch = true;
    private int largestHeld = -1;
    private int smallestImmediate = Integer.MAX_VALUE;
    private boolean twoWritesEverDelivered;

    LayerVerdict(Layer layer) {
      this.layer = layer;
    }

    void add(Row row) {
      allRowsMatch &= row.oneMatches() && row.twoMatches();
      if (row.oneArrived() == row.totalBytes()) {
        smallestImmediate = Math.min(smallestImmediate, row.totalBytes());
      } else {
        largestHeld = Math.max(largestHeld, row.totalBytes());
      }
      twoWritesEverDelivered |= row.twoArrived() == row.totalBytes();
    }

    boolean matches() {
      if (layer == Layer.NONE) return allRowsMatch && largestHeld == -1;
      // Exact: the edge rows put B - 1 among the held and B among the immediate.
      int bufferBytes = layer.bufferBytes();
      return allRowsMatch && largestHeld == bufferBytes - 1 && smallestImmediate == bufferBytes;
    }

    String summary() {
      if (layer == Layer.NONE) {
        return "- NONE: every write immediate (the floor): " + (matches() ? "as expected" : "NOT as expected");
      }
      String immediate = smallestImmediate == Integer.MAX_VALUE ? "none immediate" : "smallest immediate " + smallestImmediate + " B";
      return String.format(Locale.ROOT,
          "- %s (B = %d): one write: largest held %d B, %s -> threshold %s; two writes: %s",
          layer, layer.bufferBytes(), largestHeld, immediate,
          matches() ? "exactly at B, matches" : "DOES NOT MATCH",
          twoWritesEverDelivered ? "message delivered in some row" : "message held in every row, whatever the padding");
    }
  }

  private static void printDesigns() throws IOException {
    int usefulBytes = MESSAGES * Payloads.MESSAGE_BYTES;
    System.out.printf(Locale.ROOT, "# Part 2: %d messages of %d B (%d useful bytes), one application flush each, through an unflushed layer%n%n",
        MESSAGES, Payloads.MESSAGE_BYTES, usefulBytes);
    System.out.println("| design | layer | message 1 readable after write # | readable after write 100 | body bytes per useful byte | chunked bytes per useful byte |");
    System.out.println("|---|---|---:|---:|---:|---:|");
    for (PaddingDesign design : PaddingDesign.values()) {
      for (Layer layer : new Layer[] {Layer.PHP_4096, Layer.JAVA_8192, Layer.JETTY_32768}) {
        System.out.println(runDesign(design, layer, usefulBytes));
      }
    }
  }

  private static String runDesign(PaddingDesign design, Layer layer, int usefulBytes) throws IOException {
    CountingStream body = new CountingStream();
    OutputStream bodyLayer = layer.over(body);
    CountingStream chunkedWire = new CountingStream();
    // The chunker sits below the layer, like a web server below PHP: each pass-down becomes one chunk.
    OutputStream chunkedLayer = layer.over(new ChunkedOutputStream(chunkedWire));
    long messageEnd = 0;
    long[] messageEnds = new long[MESSAGES + 1];
    int firstReadableAfter = -1;
    for (int number = 1; number <= MESSAGES; number++) {
      byte[] write = design.write(number);
      bodyLayer.write(write);
      chunkedLayer.write(write);
      if (design.flushesLayer) {
        bodyLayer.flush();
        chunkedLayer.flush();
      }
      messageEnd += write.length;
      messageEnds[number] = messageEnd;
      if (firstReadableAfter == -1 && body.byteCount >= messageEnds[1]) firstReadableAfter = number;
    }
    int readable = 0;
    while (readable < MESSAGES && body.byteCount >= messageEnds[readable + 1]) readable++;
    bodyLayer.flush();
    chunkedLayer.flush();
    return String.format(Locale.ROOT, "| %s | %s | %s | %d of %d | %.2f | %.2f |", design, layer,
        firstReadableAfter == -1 ? "**held through all " + MESSAGES + "**" : Integer.toString(firstReadableAfter),
        readable, MESSAGES, (double) body.byteCount / usefulBytes, (double) chunkedWire.byteCount / usefulBytes);
  }

  /** Counts what reaches it and keeps nothing. */
  private static final class CountingStream extends OutputStream {
    long byteCount;

    @Override
    public void write(int b) {
      byteCount++;
    }

    @Override
    public void write(byte[] data, int offset, int length) {
      byteCount += length;
    }
  }
}
