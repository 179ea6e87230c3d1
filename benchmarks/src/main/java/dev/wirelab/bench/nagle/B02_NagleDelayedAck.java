package dev.wirelab.bench.nagle;

import dev.wirelab.bench.support.LoopbackPair;
import dev.wirelab.bench.support.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
 * Why does a small request sent as two writes take 40 ms to answer, and one flag makes it
 * microseconds?
 *
 * <p>One operation is one request and its reply, the write-write-read pattern: the client writes the
 * header section, then the body, as two small writes, then waits for the reply. The server behaves
 * like a real one: it reads the header section, then the body, and only then replies, one byte. With
 * {@code TCP_NODELAY} off (Java's default: Nagle's algorithm on) the exchange goes:
 *
 * <pre>
 *   client                                   server
 *   write(header)  ─── segment 1 ──────────► read(header): the kernel delays its ACK,
 *   write(body)    held by Nagle: a small               hoping to piggyback it on a reply
 *                  segment may not leave                (RFC 1122 §4.2.3.2); the app has
 *                  while segment 1 is unACKed           nothing to send yet: it waits for the body
 *                       ◄──────── ACK, when the delayed-ACK timer fires (40 ms min on Linux)
 *                  ─── segment 2 (body) ───► read(body), write(reply)
 *   read(reply)    ◄──────── reply ─────────
 * </pre>
 *
 * Each side waits for the other: Nagle waits for the ACK, the delayed ACK waits for data the server
 * cannot send before it has the body. The timer breaks the deadlock, every request.
 *
 * <p>Linux does not delay every ACK: a new connection starts in quick-ACK mode and ACKs at once; it
 * delays ACKs once it sees an interactive exchange ("pingpong": it sent data right after receiving
 * some, as our server's reply does). Over loopback on Linux 6.x only the very first request of a
 * connection is fast (a millisecond or so, not 40); every later one stalls. This benchmark keeps
 * one connection for the whole run, as a keep-alive client does, so warm-up absorbs that first request
 * and the measurement sees the steady state.
 *
 * <p>The variants: {@code tcpNoDelay=false}, the wrong one and Java's default; {@code tcpNoDelay=true}
 * (on both ends), the right one for any request/response protocol that writes in pieces. Coalescing the
 * two writes into one (a {@code BufferedOutputStream}, flushed once per request) also avoids the stall,
 * with or without Nagle; B01 and B03 look at buffering.
 *
 * <h2>How to run and what you should see</h2>
 *
 * <pre>
 *   mvn -q -pl benchmarks -am install -DskipTests
 *   java -cp "benchmarks/target/classes:$(cat cp.txt)" org.openjdk.jmh.Main B02_NagleDelayedAck
 *     (cp.txt from: mvn -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=cp.txt)
 * </pre>
 *
 * With Nagle on, every request takes the delayed-ACK timer, about 40 ms on Linux (44 ms where this
 * was written: the 40 ms minimum plus timer granularity), with almost no spread. With
 * {@code TCP_NODELAY}, tens of microseconds: two thread wake-ups (the server's, the client's) and four
 * syscalls. The ratio of the two p50s is well above 1000x on a quiet machine; it falls on a busy
 * one, because the fast side is all scheduling while the slow side is a fixed timer. Each stalled
 * operation takes 40 ms, so the Nagle run holds only about 25 samples per one-second iteration
 * (about 70 in all): enough for the median, too few for p99.9. Other systems differ in the timer
 * (up to 200 ms elsewhere), not in the shape.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Thread)
public class B02_NagleDelayedAck {
  private static final byte[] HEADER =
      ("POST /messages HTTP/1.1\r\n"
              + "Host: 127.0.0.1\r\n"
              + "Content-Type: text/plain; charset=utf-8\r\n"
              + "Content-Length: 12\r\n"
              + "\r\n")
          .getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] BODY = "hello, world".getBytes(StandardCharsets.ISO_8859_1);
  private static final int REPLY = '!';

  @Param({"false", "true"})
  public boolean tcpNoDelay;

  private LoopbackPair pair;
  private OutputStream clientOut;
  private InputStream clientIn;
  private Thread server;

  @Setup(Level.Trial)
  public void connect() throws IOException {
    pair = LoopbackPair.open(LoopbackPair.noDelay(tcpNoDelay));
    clientOut = pair.client().getOutputStream();
    clientIn = pair.client().getInputStream();
    server = new Thread(() -> serve(pair), "b02-server");
    // A daemon, so a run that fails before @TearDown cannot keep the JVM (forks 0: Maven's) alive.
    server.setDaemon(true);
    server.start();
  }

  @TearDown(Level.Trial)
  public void disconnect() throws IOException, InterruptedException {
    // Closing the sockets ends the server's blocking read, and with it the thread.
    pair.close();
    server.join(TimeUnit.SECONDS.toMillis(5));
  }

  @Benchmark
  public int writeWriteRead() throws IOException {
    clientOut.write(HEADER);
    clientOut.write(BODY);
    int reply = clientIn.read();
    if (reply != REPLY) throw new IOException("expected reply '!' but was " + reply);
    return reply;
  }

  /** Reads the header section, then the body, then replies: two reads, as a real server does. */
  private static void serve(LoopbackPair pair) {
    byte[] header = new byte[HEADER.length];
    byte[] body = new byte[BODY.length];
    try {
      InputStream in = pair.server().getInputStream();
      OutputStream out = pair.server().getOutputStream();
      while (true) {
        Streams.readExactly(in, header, header.length);
        Streams.readExactly(in, body, body.length);
        out.write(REPLY);
      }
    } catch (IOException closed) {
      // The end of the trial: the client closed the connection (EOF) or tearDown closed our socket.
    }
  }
}
