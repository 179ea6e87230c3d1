package dev.wirelab.bench.buffering;

import dev.wirelab.bench.support.LoopbackPair;
import dev.wirelab.bench.support.Streams;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Does padding get a message past a buffer that nobody flushes, and what does it take?
 *
 * <p>The seed wrote 4000 spaces before each message so that something, somewhere, would let go. Here
 * the something is a {@link Layer}: a {@code BufferedOutputStream} of 4096 (PHP's
 * {@code output_buffering}), 8192 (Java's default, a proxy's buffer) or 32768 bytes (Jetty's output
 * buffer) between the application and a loopback socket. The application flushes its own buffer, so the
 * layer receives the prelude (P spaces) and the first 30-byte message as one write; the layer itself
 * is never flushed. Each invocation times that write until the last byte of the message has been read
 * on the other end, or gives up at {@link #CAP_MILLIS}: a held message scores the cap, and is counted
 * in the {@code held} counter, a delivered one in {@code delivered}.
 *
 * <p>Baseline: {@link Layer#NONE}, the socket itself, is the floor for each P. Wrong: any P with
 * {@code P + 30 < B}: the message waits for bytes that never come. Right, if you cannot flush the layer:
 * {@code P + 30 >= B}, because a single write of at least B bytes passes straight through (see
 * {@link Layer}). The padding does not push the buffer "past full": a buffer that becomes exactly
 * full keeps its bytes; only a write of B or more passes. {@link PaddingThresholdTable} shows the edge
 * (B - 1 held, B through) and what happens when prelude and message are two writes: held, always. The
 * real fix is to flush the layer, or not to have one.
 *
 * <p>{@code TCP_NODELAY} is on, so Nagle's algorithm (B02) adds nothing here.
 *
 * <p>How to run and what you should see:
 *
 * <pre>
 *   java -cp ... org.openjdk.jmh.Main B03_BufferingAndPadding
 *   java -cp ... org.openjdk.jmh.Main B03_BufferingAndPadding -f 0 -wi 0 -i 1 -r 100ms   (quick)
 * </pre>
 *
 * NONE: about 8 to 10 us for every P on loopback (the floor). PHP_4096: the cap, about 200 000 us/op,
 * with {@code held} counted and {@code delivered} zero, for P up to 4000 (4030 bytes &lt; 4096); back
 * near the floor from P = 4096 on. JAVA_8192: held up to P = 4096, through at P = 8192. JETTY_32768:
 * held for every P here; it would take P = 32738. A held run's score is the cap by construction, not
 * a measurement, and each held invocation costs a whole cap, so those runs make few invocations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class B03_BufferingAndPadding {
  /** How long a reader waits for the message before calling it held. */
  public static final int CAP_MILLIS = 200;

  @Param({"NONE", "PHP_4096", "JAVA_8192", "JETTY_32768"})
  public Layer layer;

  @Param({"0", "256", "1024", "2048", "4000", "4096", "8192"})
  public int paddingBytes;

  private LoopbackPair pair;
  private OutputStream socketOut;
  private byte[] preludeAndMessage;
  private byte[] scratch;
  private OutputStream layerOut;
  private int arrivedBytes;

  /** How the invocations of an iteration ended; JMH prints each field next to the score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Outcomes {
    public long delivered;
    public long held;

    @Setup(Level.Iteration)
    public void reset() {
      delivered = 0;
      held = 0;
    }
  }

  @Setup(Level.Trial)
  public void openConnection() throws IOException {
    pair = LoopbackPair.open(LoopbackPair.noDelay(true));
    socketOut = pair.server().getOutputStream();
    preludeAndMessage = Payloads.concat(Payloads.padding(paddingBytes), Payloads.message(1));
    scratch = new byte[64 * 1024];
  }

  /** Every invocation starts with an empty layer, like a fresh response; outside the timed part. */
  @Setup(Level.Invocation)
  public void emptyLayer() {
    layerOut = layer.over(socketOut);
    arrivedBytes = 0;
  }

  @Benchmark
  public int timeToFirstMessage(Outcomes outcomes) throws IOException {
    long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CAP_MILLIS);
    layerOut.write(preludeAndMessage);
    arrivedBytes = Arrival.readUntil(pair.client(), scratch, preludeAndMessage.length, deadlineNanos);
    if (arrivedBytes == preludeAndMessage.length) {
      outcomes.delivered++;
    } else {
      outcomes.held++;
    }
    return arrivedBytes;
  }

  /** Lets the held bytes go and reads them, so the next invocation's reader starts on a clean stream. */
  @TearDown(Level.Invocation)
  public void drainLayer() throws IOException {
    layerOut.flush();
    Streams.skipExactly(pair.client().getInputStream(), scratch, preludeAndMessage.length - arrivedBytes);
  }

  @TearDown(Level.Trial)
  public void closeConnection() throws IOException {
    if (pair != null) pair.close();
    pair = null;
  }
}
