package dev.wirelab.bench.keepalive;

import dev.wirelab.api.LabConfig;
import dev.wirelab.lab03.solution.ReferenceServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * B05: how many requests a second does one kept-alive connection carry, and how many does a client get
 * that opens a new connection for every request?
 *
 * <p>Lab 03 is about keeping a connection open across requests (RFC 9112 §9.3). The reason to bother is
 * what a new connection costs: a TCP handshake, a new server thread (the reference has one per
 * connection), and the closing handshake after the response, including the lingering close of RFC 9112
 * §9.6. Over loopback there is no network round trip to pay, so what this measures is the CPU and
 * kernel work alone; on a real network every new connection adds at least one round trip more.
 *
 * <p>The server is the Lab 03 reference, started in this JVM on a free port with an idle timeout of 60 s
 * and a million requests per connection, so neither ends a kept connection during a run. Every request
 * is {@code GET /hello} (a 14-byte body framed by Content-Length). Two clients, each in both styles:
 * <ul>
 *   <li>a raw socket that writes the request in one write and reads exactly the response, by its
 *       Content-Length: the least a client can do. {@link #rawKeptAlive} is the right way; {@link
 *       #rawNewConnection} is the HTTP/1.0 way, asking {@code Connection: close} each time, so the
 *       server closes first and keeps the TIME_WAIT, as a server does that ends connections;</li>
 *   <li>OkHttp, a real client with its parsing, pool and call machinery: {@link #okHttpPooled} keeps
 *       the connection in its pool; {@link #okHttpNoPool} has a pool that keeps nothing, so every call
 *       connects anew and the client closes after reading.</li>
 * </ul>
 *
 * <p>How to run and what you should see:
 * <pre>
 *   mvn -q -pl benchmarks -am package -DskipTests
 *   java -jar benchmarks/target/benchmarks.jar --include B05
 * </pre>
 * Throughput in requests per second, higher is better. Kept alive carries more requests than a new
 * connection each time, with either client: on an idle 2-CPU machine about 2x with the raw client
 * (some 16 000 against 8 000 a second) and about 3x with OkHttp, which loses more to each new
 * connection. The ratio moves with the machine's load; three iterations make JMH's error wide, so
 * compare the iterations' ranges too. The suite prints both ratios (kept alive / new connection);
 * notes/benchmarks.md has the figures of one run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Thread)
public class B05_KeepAlive {
  private static final String PATH = "/hello";

  private ReferenceServer server;
  private InetSocketAddress address;
  private byte[] keepAliveRequest;
  private byte[] closeRequest;
  private RawExchange keptConnection;
  private OkHttpClient pooledClient;
  private OkHttpClient noPoolClient;
  private Request okHttpRequest;

  @Setup(Level.Trial)
  public void startServer() throws IOException {
    server = new ReferenceServer();
    // Long enough that the server never ends the kept connection itself during a run.
    server.start(LabConfig.of(Map.of(
        LabConfig.PORT, "0",
        ReferenceServer.IDLE_TIMEOUT_MS, "60000",
        ReferenceServer.MAX_REQUESTS, "1000000")));
    address = new InetSocketAddress("127.0.0.1", server.port());
    keepAliveRequest = RawExchange.request(address, PATH, false);
    closeRequest = RawExchange.request(address, PATH, true);
    keptConnection = new RawExchange(address);

    pooledClient = new OkHttpClient.Builder().build();
    // maxIdleConnections 0: a connection released after a call is closed at once instead of pooled.
    noPoolClient = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(0, 1, TimeUnit.MILLISECONDS))
        .build();
    okHttpRequest = new Request.Builder().url("http://127.0.0.1:" + server.port() + PATH).build();
  }

  @TearDown(Level.Trial)
  public void stopServer() throws IOException {
    keptConnection.close();
    shutDown(pooledClient);
    shutDown(noPoolClient);
    server.close();
  }

  private static void shutDown(OkHttpClient client) {
    client.connectionPool().evictAll();
    client.dispatcher().executorService().shutdown();
  }

  /** Right: every request on the one connection opened in setup. */
  @Benchmark
  public int rawKeptAlive() throws IOException {
    return keptConnection.exchange(keepAliveRequest);
  }

  /** Wrong, for a client that sends more than one request: connect, ask, read, close, every time. */
  @Benchmark
  public int rawNewConnection() throws IOException {
    try (RawExchange connection = new RawExchange(address)) {
      return connection.exchange(closeRequest);
    }
  }

  /** Right, as most clients do it by default: OkHttp reuses the pooled connection. */
  @Benchmark
  public int okHttpPooled() throws IOException {
    return call(pooledClient);
  }

  /** Wrong: the same client with a pool that keeps nothing, so each call connects anew. */
  @Benchmark
  public int okHttpNoPool() throws IOException {
    return call(noPoolClient);
  }

  private int call(OkHttpClient client) throws IOException {
    // Reading the body whole and closing the response is what releases the connection to the pool.
    try (Response response = client.newCall(okHttpRequest).execute()) {
      return response.body().bytes().length;
    }
  }
}
