package dev.wirelab.labs.lab03;

import static dev.wirelab.check.Expectations.complete;
import static dev.wirelab.check.Expectations.failAt;
import static dev.wirelab.labs.lab03.Lab03Requests.HELLO;
import static dev.wirelab.labs.lab03.Lab03Requests.get;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckContext;
import dev.wirelab.check.CheckFailure;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.check.Diagnostic;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.PersistentConnection;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.wire.Ending;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * What a real client makes of the server: OkHttp, which keeps a pool of connections and reuses one only
 * when every response on it said the connection may go on.
 */
final class RealClientChecks {
  private static final int REQUESTS = 20;

  private RealClientChecks() {}

  static List<Check> all() {
    return List.of(okHttpReusesOneConnection());
  }

  static Check okHttpReusesOneConnection() {
    CheckInfo info = CheckInfo.builder("KA-22", "OkHttp makes 20 requests over one connection")
        .points(4).contract().section("RFC 9112 §9.3").dependsOn("KA-01").timeout(Duration.ofSeconds(20))
        .explanation("A real HTTP client, OkHttp, sends 20 requests one after another: GET /hello, POST /echo"
            + " and GET /stream in turn. Its EventListener counts the TCP connections it opens. OkHttp returns"
            + " a connection to its pool only when the response ended cleanly and did not say Connection:"
            + " close, so one connection for all 20 is proof that the server's framing and connection"
            + " handling work for real clients, not only for the harness.")
        .build();
    return Check.of(info, context -> {
      ConnectionCounter counter = new ConnectionCounter();
      OkHttpClient client = new OkHttpClient.Builder()
          .eventListener(counter)
          .retryOnConnectionFailure(false)
          .callTimeout(Duration.ofSeconds(5))
          .build();
      int requests = Math.min(REQUESTS, Lab03Requests.maxRequests(context) - 1); // all on one connection
      try {
        for (int number = 1; number <= requests; number++) {
          runOne(client, context.address(), number);
        }
      } finally {
        client.connectionPool().evictAll();
        client.dispatcher().executorService().shutdown();
      }
      if (counter.connections() != 1) throw explainNewConnections(context, requests, counter.connections());
    });
  }

  /** Request {@code number}: GET /hello, POST /echo or GET /stream in turn; any failure fails the check. */
  private static void runOne(OkHttpClient client, InetSocketAddress address, int number) throws CheckFailure {
    String base = "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    Request request;
    byte[] expected;
    switch (number % 3) {
      case 1 -> {
        request = new Request.Builder().url(base + "/hello?okhttp=" + number).build();
        expected = HELLO;
      }
      case 2 -> {
        expected = ("okhttp request " + number).getBytes(StandardCharsets.UTF_8);
        request = new Request.Builder().url(base + "/echo")
            .post(RequestBody.create(expected, MediaType.get("application/octet-stream"))).build();
      }
      default -> {
        request = new Request.Builder().url(base + Lab03Requests.stream(2, 0)).build();
        expected = Lab03Requests.streamLines(2);
      }
    }
    String label = "OkHttp request " + number + ": " + request.method() + " " + request.url().encodedPath();
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      byte[] actual = body == null ? new byte[0] : body.bytes();
      if (response.code() != 200 || !Arrays.equals(actual, expected)) {
        throw clientSaw(label, "status 200 and " + expected.length + " body bytes",
            "status " + response.code() + " and " + actual.length + " body bytes");
      }
    } catch (IOException e) {
      throw clientSaw(label, "a response", "OkHttp failed: " + e);
    }
  }

  /**
   * OkHttp opened more than one connection. Why shows on a raw connection: a Connection: close in the
   * response, or a server that closes after it.
   */
  private static CheckFailure explainNewConnections(CheckContext context, int requests, int connections)
      throws CheckFailure {
    String expected = "OkHttp to carry all " + requests + " requests on one connection";
    try (PersistentConnection connection = context.connect("why OkHttp opened new connections")) {
      Exchange hello = context.exchange(connection, "GET /hello, as OkHttp's first request", get(context, "/hello"));
      HttpResponse response = complete(hello);
      var close = response.headers().all("Connection").stream()
          .filter(field -> response.headers().hasToken("Connection", "close")).findFirst();
      if (close.isPresent()) {
        return failAt(hello, close.get().offset(), expected, connections + " connections: OkHttp does not reuse"
            + " a connection whose response says \"Connection: close\"", "RFC 9112 §9.6");
      }
      if (connection.awaitClose(Lab03Requests.briefly(context)) != Ending.OPEN) {
        return failAt(hello, response.endOffset(), expected, connections + " connections: the server closed"
            + " each one after its response", "RFC 9112 §9.3");
      }
    }
    return clientSaw("OkHttp's " + requests + " requests", expected, connections + " connections");
  }

  private static CheckFailure clientSaw(String label, String expected, String actual) {
    return new CheckFailure(new Diagnostic(expected, actual, "RFC 9112 §9.3", -1, null, label, null));
  }

  /** Counts the TCP connections OkHttp starts to open: one per connection, reused ones not counted. */
  private static final class ConnectionCounter extends EventListener {
    private final AtomicInteger connectStarts = new AtomicInteger();

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
      connectStarts.incrementAndGet();
    }

    int connections() {
      return connectStarts.get();
    }
  }
}
