package dev.wirelab.lab04.solution.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The wire as a client sees it: whole byte strings, CRLF visible, the Date field's value masked. Fields
 * come in the order of the JDK's {@code Headers} map, as they did from HttpServer.
 */
class Http11ServerTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private Http11Server server;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) server.stop();
    threads.shutdownNow();
    threads.awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void fixedLengthResponsesKeepTheConnectionForTheNextRequest() throws Exception {
    start(exchange -> text(exchange, "path " + exchange.getRequestURI().getPath()));
    try (Client client = new Client()) {
      client.send("GET /a HTTP/1.1\r\nHost: lab\r\n\r\nGET /b HTTP/1.1\r\nHost: lab\r\n\r\n");

      String both = "HTTP/1.1 200 OK\r\nDate: *\r\nContent-length: 7\r\n\r\npath /a"
          + "HTTP/1.1 200 OK\r\nDate: *\r\nContent-length: 7\r\n\r\npath /b";
      assertThat(client.readUntilLength(both.length() + 2 * 29 - 2, 2_000)).isEqualTo(both);
    }
  }

  @Test
  void lengthZeroIsChunkedAndEachFlushIsOneChunk() throws Exception {
    start(exchange -> {
      exchange.sendResponseHeaders(200, 0);
      OutputStream body = exchange.getResponseBody();
      body.write(bytes("hello"));
      body.flush();
      body.write(bytes("a"));
      body.write(bytes("b"));
      body.flush();
      exchange.close();
    });
    try (Client client = new Client()) {
      client.send("GET / HTTP/1.1\r\nHost: lab\r\n\r\n");

      assertThat(client.readUntil("0\r\n\r\n", 2_000)).isEqualTo(
          "HTTP/1.1 200 OK\r\nDate: *\r\nTransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n2\r\nab\r\n0\r\n\r\n");
    }
  }

  @Test
  void anHttp10ClientGetsTheBodyUntilTheClose() throws Exception {
    start(exchange -> {
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().write(bytes("streamed"));
      exchange.close();
    });
    try (Client client = new Client()) {
      client.send("GET / HTTP/1.0\r\n\r\n");

      assertThat(client.readUntilClosed(2_000)).isEqualTo(
          "HTTP/1.1 200 OK\r\nConnection: close\r\nDate: *\r\n\r\nstreamed");
    }
  }

  @Test
  void aMalformedRequestGets400AndTheClose() throws Exception {
    start(exchange -> text(exchange, "never"));
    try (Client client = new Client()) {
      client.send("GET /a b HTTP/1.1\r\nHost: lab\r\n\r\n");

      String received = client.readUntilClosed(4_000);
      assertThat(received).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Connection: close\r\n")
          .endsWith("expected METHOD SP request-target SP HTTP-version but was \"GET /a b HTTP/1.1\"\n");
    }
  }

  @Test
  void aChunkedBodyAfter100ContinueReachesTheHandler() throws Exception {
    start(exchange -> text(exchange, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    try (Client client = new Client()) {
      client.send("POST / HTTP/1.1\r\nHost: lab\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n");
      assertThat(client.readUntil("\r\n\r\n", 2_000)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");

      client.send("3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n");

      assertThat(client.readUntil("abcde", 2_000)).endsWith("Content-length: 5\r\n\r\nabcde");
    }
  }

  @Test
  void headGetsTheLengthAndNoBody() throws Exception {
    start(exchange -> text(exchange, "twelve bytes"));
    try (Client client = new Client()) {
      client.send("HEAD / HTTP/1.1\r\nHost: lab\r\n\r\nGET / HTTP/1.1\r\nHost: lab\r\nConnection: close\r\n\r\n");

      assertThat(client.readUntilClosed(2_000)).isEqualTo(
          "HTTP/1.1 200 OK\r\nDate: *\r\nContent-length: 12\r\n\r\n"
              + "HTTP/1.1 200 OK\r\nConnection: close\r\nDate: *\r\nContent-length: 12\r\n\r\ntwelve bytes");
    }
  }

  @Test
  void theProbeSeesTheClientsCloseWithoutWriting() throws Exception {
    CountDownLatch noticed = new CountDownLatch(1);
    start(exchange -> {
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().flush();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline) {
        if (((WireExchange) exchange).clientHasLeft()) {
          noticed.countDown();
          break;
        }
        sleep(20);
      }
      exchange.close();
    });
    Client client = new Client();
    client.send("GET / HTTP/1.1\r\nHost: lab\r\n\r\n");
    client.readUntil("\r\n\r\n", 2_000);

    client.close();

    assertThat(noticed.await(5, TimeUnit.SECONDS)).as("the handler saw the close").isTrue();
  }

  @Test
  void bytesPipelinedWhileTheProbeLooksAreKeptForTheNextRequest() throws Exception {
    CountDownLatch sent = new CountDownLatch(1);
    start(exchange -> {
      if (exchange.getRequestURI().getPath().equals("/held")) {
        await(sent);
        for (int look = 0; look < 10; look++) {
          assertThat(((WireExchange) exchange).clientHasLeft()).isFalse();
          sleep(20);
        }
      }
      text(exchange, exchange.getRequestURI().getPath());
    });
    try (Client client = new Client()) {
      client.send("GET /held HTTP/1.1\r\nHost: lab\r\n\r\n");
      client.send("GET /next HTTP/1.1\r\nHost: lab\r\n\r\n");
      sent.countDown();

      assertThat(client.readUntil("/next", 3_000)).endsWith("Content-length: 5\r\n\r\n/held"
          + "HTTP/1.1 200 OK\r\nDate: *\r\nContent-length: 5\r\n\r\n/next");
    }
  }

  @Test
  void stopClosesIdleConnections() throws Exception {
    start(exchange -> text(exchange, "ok"));
    try (Client client = new Client()) {
      client.send("GET / HTTP/1.1\r\nHost: lab\r\n\r\n");
      client.readUntil("ok", 2_000);

      server.stop();

      assertThat(client.readUntilClosed(2_000)).endsWith("ok");
    }
  }

  private void start(HttpHandler handler) throws IOException {
    server = Http11Server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16, handler, threads,
        "test-accept");
  }

  private static void text(HttpExchange exchange, String text) throws IOException {
    byte[] body = bytes(text);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A raw socket; what it received, with each Date field's value replaced by {@code *}. */
  private final class Client implements AutoCloseable {
    private final Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort());
    private final InputStream in = socket.getInputStream();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private boolean closedByServer;

    Client() throws IOException {}

    void send(String request) throws IOException {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    String readUntil(String expectedEnd, long timeoutMillis) throws IOException {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (!raw().endsWith(expectedEnd) && readSome(deadline)) { }
      return masked();
    }

    String readUntilLength(int rawLength, long timeoutMillis) throws IOException {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (received.size() < rawLength && readSome(deadline)) { }
      return masked();
    }

    String readUntilClosed(long timeoutMillis) throws IOException {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (readSome(deadline)) { }
      assertThat(closedByServer).as("the server closed the connection; received: " + masked()).isTrue();
      return masked();
    }

    /** Reads what arrives before the deadline, at most 64 KiB in all; false at the end or the deadline. */
    private boolean readSome(long deadlineNanos) throws IOException {
      long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
      if (remainingMillis <= 0 || received.size() > 64 * 1024) return false;
      socket.setSoTimeout((int) remainingMillis);
      byte[] buffer = new byte[8192];
      try {
        int byteCount = in.read(buffer);
        if (byteCount == -1) {
          closedByServer = true;
          return false;
        }
        received.write(buffer, 0, byteCount);
        return true;
      } catch (SocketTimeoutException timeUp) {
        return false;
      } catch (IOException reset) {
        closedByServer = true;
        return false;
      }
    }

    private String raw() {
      return received.toString(StandardCharsets.ISO_8859_1);
    }

    private String masked() {
      return raw().replaceAll("Date: [^\r]*\r\n", "Date: *\r\n");
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
