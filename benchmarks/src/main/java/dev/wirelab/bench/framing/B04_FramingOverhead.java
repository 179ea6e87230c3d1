package dev.wirelab.bench.framing;

import dev.wirelab.bench.support.LoopbackPair;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does chunked framing cost compared with Content-Length, in time and in bytes?
 *
 * <p>One operation sends a 1 MiB body, written by the application in pieces of {@code chunkBytes}:
 * with {@link Framing#CONTENT_LENGTH} the pieces go out as they are; with {@link Framing#CHUNKED}
 * each piece becomes one chunk of Lab 02's reference writer, which makes three writes of it (size
 * line, data, CRLF). The baseline is Content-Length at the same piece size. The {@link Sink} says
 * where the bytes go: {@code MEMORY} isolates the framing's own work, {@code LOOPBACK} adds a
 * {@code send} per write (and waits until the reader has the whole body), {@code LOOPBACK_BUFFERED}
 * puts an 8 KiB buffer in front of the socket, which is what a server does and what makes the three
 * writes per chunk cheap again.
 *
 * <p>The auxiliary counters {@code payloadBytes} and {@code wireBytes} are bytes per second; their
 * ratio is the exact bytes on the wire per payload byte, which {@link FramingOverheadTable} prints
 * for every piece size.
 *
 * <p>How to run and what you should see:
 *
 * <pre>
 *   java -cp ... org.openjdk.jmh.Main B04_FramingOverhead
 *   java -cp ... org.openjdk.jmh.Main B04_FramingOverhead -f 0 -wi 0 -i 1 -r 100ms   (quick)
 * </pre>
 *
 * Bytes: chunked adds {@code hex digits + 4} per chunk: 37.5% at 16 B, 0.015% at 64 KiB. Time, as
 * ratios of Content-Length to chunked at the same piece size: in MEMORY Content-Length does no work
 * at all (the sink only counts; nothing is copied), so only chunked's per-chunk formatting shows: tens
 * of times slower at 16 B, about ten times at 64 KiB, all far above any socket's speed. Over LOOPBACK
 * chunked is 2 to 4 times slower for small pieces (three {@code send}s per piece instead of one) and
 * still slower at 64 KiB (two tiny sends per chunk). LOOPBACK_BUFFERED closes most of the gap from
 * 1 KiB on, except at 8 KiB pieces, where each chunk's data bypasses the 8 KiB buffer and pushes its
 * size line out as a send of its own ({@link FramingOverheadTable} counts the writes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class B04_FramingOverhead {
  static final int BODY_BYTES = 1024 * 1024;

  @Param({"CONTENT_LENGTH", "CHUNKED"})
  public Framing framing;

  @Param({"16", "128", "1024", "8192", "65536"})
  public int chunkBytes;

  @Param({"MEMORY", "LOOPBACK", "LOOPBACK_BUFFERED"})
  public Sink sink;

  private byte[] body;
  private long wireBytesPerBody;
  private CountingSink memory;
  private LoopbackPair pair;
  private Drain drain;
  private OutputStream wire;

  /** Bytes moved, reported by JMH per second next to the operations. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Bytes {
    public long payloadBytes;
    public long wireBytes;

    @Setup(Level.Iteration)
    public void reset() {
      payloadBytes = 0;
      wireBytes = 0;
    }
  }

  @Setup(Level.Trial)
  public void open() throws IOException {
    body = new byte[BODY_BYTES];
    ThreadLocalRandom.current().nextBytes(body);
    wireBytesPerBody = framing.wireBytes(BODY_BYTES, chunkBytes);
    memory = new CountingSink();
    if (sink == Sink.MEMORY) {
      wire = memory;
      return;
    }
    pair = LoopbackPair.open(LoopbackPair.noDelay(true));
    drain = new Drain(pair.client(), wireBytesPerBody);
    OutputStream socketOut = pair.server().getOutputStream();
    wire = sink == Sink.LOOPBACK_BUFFERED ? new BufferedOutputStream(socketOut, 8192) : socketOut;
  }

  @Benchmark
  public long sendBody(Bytes bytes) throws IOException, InterruptedException {
    framing.writeBody(wire, body, chunkBytes);
    if (drain != null) drain.awaitBody();
    bytes.payloadBytes += BODY_BYTES;
    bytes.wireBytes += wireBytesPerBody;
    return memory.byteCount;
  }

  @TearDown(Level.Trial)
  public void close() throws IOException, InterruptedException {
    if (sink == Sink.MEMORY && memory.byteCount % wireBytesPerBody != 0) {
      throw new IllegalStateException("expected a multiple of " + wireBytesPerBody + " bytes but counted " + memory.byteCount);
    }
    if (drain != null) drain.close();
    if (pair != null) pair.close();
    drain = null;
    pair = null;
  }
}
