package dev.wirelab.bench.flush;

import dev.wirelab.bench.support.LoopbackPair;
import dev.wirelab.bench.support.Streams;
import dev.wirelab.lab02.solution.ChunkedOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long does a flushed message take to reach the reader, and how much does the Lab 02 chunked
 * writer add to that?
 *
 * <p>One operation is one message: the server end of a loopback TCP connection writes it and
 * flushes, and the client end reads until the last byte of it (for a chunked message: the size line,
 * the data and the CRLF after it) has arrived. The benchmark thread does both, so the time is the
 * path of the bytes alone, with no thread hand-off to wake a reader: on Linux loopback the kernel
 * queues the segment on the receiving socket inside the sender's {@code send}, so this is close to
 * the syscall cost of each writer. The variants:
 *
 * <ul>
 *   <li>{@code RAW_SOCKET}, the baseline and the floor: one {@code write} of the message straight to
 *       the socket stream, one {@code send}.
 *   <li>{@code CHUNKED}, the Lab 02 reference {@link ChunkedOutputStream} over the socket stream,
 *       flushed per message. It writes the size line, the data and the CRLF as three writes, so three
 *       {@code send}s and three segments per message: the cost to look at.
 *   <li>{@code BUFFERED}, a {@link BufferedOutputStream} (8192 bytes, Java's default) flushed per
 *       message: a copy, then one {@code send}. At 16 KiB the message is bigger than the buffer and
 *       goes straight through, as {@code BufferedOutputStream} does with large writes.
 *   <li>{@code CHUNKED_BUFFERED}, the right way to use the chunked writer: over a
 *       {@code BufferedOutputStream}, so the three pieces of a chunk leave in one {@code send} at the
 *       flush (a 16 KiB chunk is the exception: its data is too big for the buffer, see above).
 * </ul>
 *
 * <p>{@code TCP_NODELAY} is on at both ends in every variant. With Nagle's algorithm on, the
 * chunked writer's second write (the data) would wait for the ACK of the first (the size line), which
 * the reader delays: a 40 ms stall per message that would measure Nagle and delayed ACK
 * ({@code B02_NagleDelayedAck}), not the writers. A server that streams with flushes must set it.
 *
 * <p>{@link Mode#SampleTime} times every operation (JMH samples a subset when they are many) and
 * reports the distribution, so a stall shows in p99 and p99.9 rather than vanishing into a mean. But
 * the loop is closed: the next message is sent only after the previous one has arrived. If one
 * message stalls for 40 ms, this benchmark records one slow sample, and sends nothing during the
 * stall. A real producer is open-loop: it pushes a message every 10 µs whether or not the last one
 * got through, so 4000 messages queue behind the stall and each of them arrives late, by up to 40 ms.
 * The closed loop never issues those messages, so it never samples their delays: its p99 stays low
 * while the producer's is ruined. That is coordinated omission. Read these percentiles as the cost of
 * one message on an idle connection; for latency under load, schedule sends by the clock and measure
 * from the time a message was due, as {@code CometLoad} does.
 *
 * <h2>How to run and what you should see</h2>
 *
 * <pre>
 *   mvn -q -pl benchmarks -am install -DskipTests
 *   java -cp "benchmarks/target/classes:$(cat cp.txt)" org.openjdk.jmh.Main B01_FlushLatency
 *     (cp.txt from: mvn -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=cp.txt)
 * </pre>
 *
 * JMH prints, per variant and size, the mean and {@code p0.50}, {@code p0.99}, {@code p0.999} in
 * microseconds. Expect single-digit to low tens of microseconds at the median, and tails of
 * milliseconds whenever another process takes the CPU (loopback has no network to blame):
 * {@code BUFFERED} at the raw floor (the copy is cheap next to a syscall); {@code CHUNKED} about twice
 * the floor at every size, since it pays three syscalls where the floor pays one; {@code CHUNKED_BUFFERED}
 * back at the floor for 16 B and 1 KiB, and as slow as {@code CHUNKED} at 16 KiB, where the data
 * bypasses the 8192-byte buffer. The goal, chunked writer p50 within 1.5x of the raw p50 of
 * the same run, is a ratio to compute from that output: the reference writer straight over the
 * socket misses it, and the same writer over a buffer at least as big as a chunk meets it. A stall of
 * tens of milliseconds at the median would mean a buffer or Nagle held bytes back.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Thread)
public class B01_FlushLatency {

  /** How the server end turns a message into bytes on the socket. */
  public enum Writer {
    RAW_SOCKET {
      @Override
      OutputStream wrap(OutputStream socketOut) {
        return socketOut;
      }
    },
    CHUNKED {
      @Override
      OutputStream wrap(OutputStream socketOut) {
        return new ChunkedOutputStream(socketOut);
      }
    },
    BUFFERED {
      @Override
      OutputStream wrap(OutputStream socketOut) {
        return new BufferedOutputStream(socketOut);
      }
    },
    CHUNKED_BUFFERED {
      @Override
      OutputStream wrap(OutputStream socketOut) {
        return new ChunkedOutputStream(new BufferedOutputStream(socketOut));
      }
    };

    abstract OutputStream wrap(OutputStream socketOut);

    /** Bytes on the wire for one message: chunk-size CRLF chunk-data CRLF (RFC 9112 §7.1) when chunked. */
    int wireByteCount(int messageSize) {
      boolean chunked = this == CHUNKED || this == CHUNKED_BUFFERED;
      return chunked ? Integer.toHexString(messageSize).length() + 2 + messageSize + 2 : messageSize;
    }
  }

  @Param
  public Writer writer;

  @Param({"16", "1024", "16384"})
  public int messageSize;

  private LoopbackPair pair;
  private OutputStream serverOut;
  private InputStream clientIn;
  private byte[] message;
  private byte[] received;
  private int wireByteCount;

  @Setup(Level.Trial)
  public void connect() throws IOException {
    pair = LoopbackPair.open(LoopbackPair.noDelay(true));
    serverOut = writer.wrap(pair.server().getOutputStream());
    clientIn = pair.client().getInputStream();
    message = new byte[messageSize];
    Arrays.fill(message, (byte) 'x');
    wireByteCount = writer.wireByteCount(messageSize);
    received = new byte[wireByteCount];
  }

  @TearDown(Level.Trial)
  public void disconnect() throws IOException {
    // Not serverOut.close(): for the chunked writers that would send a last-chunk nobody reads.
    pair.close();
  }

  @Benchmark
  public byte writeFlushAndReadLastByte() throws IOException {
    serverOut.write(message);
    serverOut.flush();
    Streams.readExactly(clientIn, received, wireByteCount);
    return received[wireByteCount - 1];
  }
}
