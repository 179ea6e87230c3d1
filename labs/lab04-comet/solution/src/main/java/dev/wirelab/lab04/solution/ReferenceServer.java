package dev.wirelab.lab04.solution;

import com.sun.net.httpserver.HttpExchange;
import dev.wirelab.api.LabConfig;
import dev.wirelab.api.LabLauncher;
import dev.wirelab.api.LabServer;
import dev.wirelab.lab04.solution.Broker.Wake;
import dev.wirelab.lab04.solution.http.Http11Server;
import dev.wirelab.lab04.solution.http.WireExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Lab 04's reference: the seed's chat done right. Messages are an append-only log in a database; a
 * POST appends and wakes every subscriber ({@link Broker}); each subscriber keeps its own cursor (the
 * last id it sent) and, when woken, sends what is after it, one flushed chunk per message. Three ways
 * to subscribe: a forever frame ({@code /stream}), long polling ({@code /poll}) and server-sent events
 * ({@code /events}).
 *
 * <p>The handlers are written for the JDK's {@code com.sun.net.httpserver} API: a chunked response when
 * {@code sendResponseHeaders(200, 0)}, in which each {@code flush()} sends what was written as one chunk.
 * They run on {@link Http11Server}, a small server of this lab's own with HttpServer's wire behaviour and
 * one thing more: a subscriber can see that its client closed the connection without writing to it
 * ({@link WireExchange#clientHasLeft}), and so is released within a quarter of a heartbeat interval.
 *
 * <p>Each decision is one protected method; a mutant ({@code mutants/}) is a subclass that gets exactly
 * one of them wrong.
 */
public class ReferenceServer implements LabServer {
  protected static final int MAX_CODE_POINTS = 200;
  /** A body larger than this is refused (413) without being decoded. */
  protected static final int MAX_BODY_BYTES = 64 * 1024;
  /** The most messages in one JSON answer, and in one read by a woken subscriber. */
  protected static final int PAGE_SIZE = 1000;
  protected static final long DEFAULT_POLL_TIMEOUT_MILLIS = 25_000;
  protected static final long MAX_POLL_TIMEOUT_MILLIS = 60_000;
  private static final String DOCTYPE = "<!DOCTYPE html>";
  private static final String STREAM_HEAD = DOCTYPE
      + "\n<html><head><meta charset=\"utf-8\"><title>wirelab stream</title></head><body>\n";

  private final Map<Transport, AtomicInteger> openSubscribers = new EnumMap<>(Transport.class);
  private Http11Server server;
  private ExecutorService exchanges;
  private MessageStore store;
  private Broker broker;
  private boolean closed;
  private Settings settings;

  public ReferenceServer() {
    for (Transport transport : Transport.values()) openSubscribers.put(transport, new AtomicInteger());
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    LabLauncher.run(new ReferenceServer());
  }

  @Override
  public void start(LabConfig config) throws IOException {
    if (server != null) throw new IllegalStateException("already started");
    settings = Settings.from(config);
    try {
      store = MessageStore.open(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
      broker = new Broker(store.latestId());
    } catch (SQLException e) {
      if (store != null) store.close();
      throw new IOException("cannot use the database at " + settings.jdbcUrl() + ": " + e.getMessage(), e);
    }
    String name = getClass().getSimpleName();
    // One thread per exchange in flight: a subscriber holds its thread for as long as it listens.
    exchanges = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, name + "-exchange");
      thread.setDaemon(true);
      return thread;
    });
    try {
      server = Http11Server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 128,
          this::serve, exchanges, name + "-accept");
    } catch (IOException e) {
      exchanges.shutdown();
      store.close();
      throw e;
    }
  }

  @Override
  public int port() {
    if (server == null) throw new IllegalStateException("not started");
    return server.address().getPort();
  }

  /**
   * Wakes every subscriber and held poll (they see {@link Wake#CLOSED} and return), closes the listener
   * and every connection, waits for the threads, and only then closes the database connections.
   */
  @Override
  public synchronized void close() {
    if (server == null || closed) return;
    closed = true;
    broker.close();
    server.stop();
    exchanges.shutdown();
    try {
      // Interrupting is the last resort: H2 closes a file database whose thread is interrupted mid-read.
      if (!exchanges.awaitTermination(2, TimeUnit.SECONDS)) {
        exchanges.shutdownNow();
        exchanges.awaitTermination(1, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      exchanges.shutdownNow();
      Thread.currentThread().interrupt();
    }
    store.close();
  }

  private void serve(HttpExchange exchange) {
    try {
      route(exchange, exchange.getRequestURI().getPath());
    } catch (Rejection rejection) {
      replyIfStillPossible(exchange, rejection.status(), rejection.getMessage());
    } catch (SQLException e) {
      if (!broker.isClosed()) System.err.println(getClass().getSimpleName() + ": database failed: " + e);
      replyIfStillPossible(exchange, 500, "the database failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // Only close() interrupts: the connection goes with the server.
    } catch (IOException e) {
      // The client went away, or the server is closing: nobody is left to answer.
    } catch (RuntimeException e) {
      System.err.println(getClass().getSimpleName() + ": " + exchange.getRequestURI() + " failed: " + e);
      replyIfStillPossible(exchange, 500, "the server failed: " + e);
    } finally {
      exchange.close();
    }
  }

  private static void replyIfStillPossible(HttpExchange exchange, int status, String reason) {
    if (exchange.getResponseCode() != -1) return; // The head is out: a response can only be cut short now.
    try {
      Replies.text(exchange, status, reason);
    } catch (IOException ignored) {
      // The client is gone.
    }
  }

  private void route(HttpExchange exchange, String path)
      throws IOException, SQLException, InterruptedException, Rejection {
    if (path.startsWith("/messages/")) {
      if (allows(exchange, "GET")) message(exchange, path.substring("/messages/".length()));
      return;
    }
    switch (path) {
      case "/" -> {
        if (allows(exchange, "GET")) Replies.send(exchange, 200, Replies.TEXT_HTML, indexPage());
      }
      case "/frame.html" -> {
        if (allows(exchange, "GET")) Replies.send(exchange, 200, Replies.TEXT_HTML, framePage());
      }
      case "/messages" -> {
        if (!allows(exchange, "GET, POST")) return;
        if (exchange.getRequestMethod().equals("POST")) post(exchange);
        else list(exchange);
      }
      case "/stream" -> {
        if (allows(exchange, "GET")) stream(exchange);
      }
      case "/poll" -> {
        if (allows(exchange, "GET")) poll(exchange);
      }
      case "/events" -> {
        if (allows(exchange, "GET")) events(exchange);
      }
      case "/stats" -> {
        if (allows(exchange, "GET")) sendJson(exchange, 200, Json.counts(subscriberCounts()));
      }
      default -> Replies.text(exchange, 404, "expected a known path but was " + path);
    }
  }

  /** Methods are case-sensitive (RFC 9110 §9.1); any other gets 405 with Allow (§15.5.6). */
  private static boolean allows(HttpExchange exchange, String allow) throws IOException {
    for (String method : allow.split(", ")) {
      if (method.equals(exchange.getRequestMethod())) return true;
    }
    Replies.methodNotAllowed(exchange, allow);
    return false;
  }

  private void post(HttpExchange exchange) throws IOException, SQLException, Rejection {
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    String content = accept(body);
    long id = broker.publish(() -> store.append(content, Instant.now()));
    created(exchange, id);
  }

  /**
   * The posted text, or why not: 400 for an empty body or one that is not UTF-8 (decoded strictly, not
   * repaired), 413 for more than 200 characters, counted as code points (an emoji is one, not two).
   */
  protected String accept(byte[] body) throws Rejection {
    if (body.length > MAX_BODY_BYTES) {
      throw new Rejection(413, "expected at most " + MAX_CODE_POINTS + " characters but the body has over "
          + MAX_BODY_BYTES + " bytes");
    }
    if (body.length == 0) {
      throw new Rejection(400, "expected 1 to " + MAX_CODE_POINTS + " characters but the body is empty");
    }
    String text = Utf8.decode(body)
        .orElseThrow(() -> new Rejection(400, "expected UTF-8 text but the body is not valid UTF-8"));
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints > MAX_CODE_POINTS) {
      throw new Rejection(413, "expected at most " + MAX_CODE_POINTS + " characters but was " + codePoints);
    }
    return text;
  }

  /** RFC 9110 §15.3.2: 201 Created, with Location naming the new resource. */
  protected void created(HttpExchange exchange, long id) throws IOException {
    exchange.getResponseHeaders().set("Location", "/messages/" + id);
    sendJson(exchange, 201, Json.id(id));
  }

  private void message(HttpExchange exchange, String idText) throws IOException, SQLException {
    Optional<Message> message = Optional.empty();
    try {
      message = store.find(Query.number("id", idText, Long.MAX_VALUE));
    } catch (Rejection notAnId) {
      // /messages/abc names no message, as /messages/99999 does not: both are 404.
    }
    if (message.isPresent()) sendJson(exchange, 200, Json.message(message.get()));
    else Replies.text(exchange, 404, "expected the id of a message but was " + idText);
  }

  private void list(HttpExchange exchange) throws IOException, SQLException, Rejection {
    long after = Query.of(exchange.getRequestURI()).number("after", Long.MAX_VALUE).orElse(0);
    sendJson(exchange, 200, Json.messages(listAfter(after)));
  }

  /** Messages with an id strictly greater than {@code after}, ascending: the cursor names the last one seen. */
  protected List<Message> listAfter(long after) throws SQLException {
    return store.after(after, PAGE_SIZE);
  }

  /** What a subscription sends: its first chunk, one chunk per message, and the heartbeat chunk. */
  protected record Feed(byte[] opening, Function<Message, byte[]> message, byte[] heartbeat) {}

  private void stream(HttpExchange exchange) throws IOException, SQLException, InterruptedException, Rejection {
    // By default only what is posted from now on; ?after=0 replays everything.
    long cursor = Query.of(exchange.getRequestURI()).number("after", Long.MAX_VALUE).orElseGet(broker::latestId);
    exchange.getResponseHeaders().set("Content-Type", streamContentType());
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    subscribe(exchange, Transport.STREAM, cursor, new Feed(streamPrelude(), this::streamChunk, streamHeartbeat()));
  }

  private void events(HttpExchange exchange) throws IOException, SQLException, InterruptedException, Rejection {
    long cursor = resumeAfter(exchange).orElseGet(broker::latestId);
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    subscribe(exchange, Transport.EVENTS, cursor, new Feed(sseOpening(), this::sseEvent, sseHeartbeat()));
  }

  /**
   * The subscriber's loop. Send what is after the cursor (at first: the replay), advance the cursor,
   * then wait for the broker until the stream has been quiet for a heartbeat interval; then a heartbeat.
   *
   * <p>A subscriber that left is noticed without a write: the wait is cut into slices of at most a
   * quarter of the interval, and between slices the loop looks for the client's FIN. Waiting for the
   * next heartbeat's write to fail would take two intervals: on TCP the first write after the FIN still
   * succeeds (the client's side answers it with a reset), and only the write after that fails. A failed
   * write still ends the loop too. The loop also looks each time news wakes it, before it reads, so a
   * subscriber whose client has gone never reads another message.
   */
  private void subscribe(HttpExchange exchange, Transport transport, long cursor, Feed feed)
      throws IOException, SQLException, InterruptedException {
    subscriberJoined(transport);
    try {
      exchange.sendResponseHeaders(200, 0); // 0: no length known, so chunked (HTTP/1.0: until the close)
      OutputStream body = exchange.getResponseBody();
      sendChunk(body, feed.opening());
      long heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(settings.heartbeatMillis());
      long sliceNanos = Math.max(heartbeatNanos / 4, 1);
      long lastChunkNanos = System.nanoTime();
      long lastLookNanos = lastChunkNanos;
      boolean mayHaveNews = true;
      while (true) {
        if (mayHaveNews) {
          List<Message> unsent = unsent(cursor);
          if (!unsent.isEmpty()) {
            sendMessages(body, unsent, feed.message());
            cursor = unsent.get(unsent.size() - 1).id();
            lastChunkNanos = System.nanoTime();
          }
          mayHaveNews = unsent.size() == PAGE_SIZE; // a full page: read on before waiting
          continue;
        }
        long quietNanos = System.nanoTime() - lastChunkNanos;
        if (quietNanos >= heartbeatNanos) {
          sendChunk(body, feed.heartbeat());
          lastChunkNanos = System.nanoTime();
          continue;
        }
        // At most one look a slice, not one per message: each look costs a few system calls.
        if (System.nanoTime() - lastLookNanos >= sliceNanos) {
          if (clientHasLeft(exchange)) return;
          lastLookNanos = System.nanoTime();
        }
        Wake wake = awaitNews(cursor, Math.min(heartbeatNanos - quietNanos, sliceNanos));
        if (wake == Wake.CLOSED) return;
        mayHaveNews = wake == Wake.NEWS;
        // A client that left reads nothing more: woken by news, look for its FIN before reading the store.
        // Reading has effects in some designs (the seed marked rows read), and is wasted work anyway.
        if (mayHaveNews) {
          if (clientHasLeft(exchange)) return;
          lastLookNanos = System.nanoTime();
        }
      }
    } finally {
      subscriberLeft(transport);
    }
  }

  /** Whether the client closed its connection; false on a server that cannot tell without writing. */
  private static boolean clientHasLeft(HttpExchange exchange) {
    return exchange instanceof WireExchange wire && wire.clientHasLeft();
  }

  /** Waits until a message after {@code cursor} exists (NEWS), the timeout passes (QUIET) or the server closes. */
  protected Wake awaitNews(long cursor, long timeoutNanos) throws InterruptedException, SQLException {
    return broker.awaitNewerThan(cursor, timeoutNanos, TimeUnit.NANOSECONDS);
  }

  /** What this subscriber has not sent yet: everything after its own cursor, in id order. */
  protected List<Message> unsent(long cursor) throws SQLException {
    return store.after(cursor, PAGE_SIZE);
  }

  /** One chunk per message, each flushed the moment it is written. */
  protected void sendMessages(OutputStream body, List<Message> messages, Function<Message, byte[]> format)
      throws IOException {
    for (Message message : messages) sendChunk(body, format.apply(message));
  }

  /** The chunked stream sends everything written since the last flush as one chunk, as HttpServer's does. */
  protected static void sendChunk(OutputStream body, byte[] chunk) throws IOException {
    if (chunk.length == 0) return; // a zero-size chunk would end the body (RFC 9112 §7.1)
    body.write(chunk);
    body.flush();
  }

  protected String streamContentType() {
    return Replies.TEXT_HTML;
  }

  /**
   * The first chunk: exactly PRELUDE_BYTES bytes, an HTML head padded with spaces. The seed sent 4000
   * spaces before every message; some browsers once waited for this many bytes before rendering.
   */
  protected byte[] streamPrelude() {
    int size = settings.preludeBytes();
    String head = size >= STREAM_HEAD.length() ? STREAM_HEAD : DOCTYPE;
    return (head + " ".repeat(size - head.length())).getBytes(StandardCharsets.US_ASCII);
  }

  /** {@code <p data-id="7">text</p>\n}, the text escaped: a message is data, never markup. */
  protected byte[] streamChunk(Message message) {
    return ("<p data-id=\"" + message.id() + "\">" + escapeHtml(message.content()) + "</p>\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  protected String escapeHtml(String text) {
    return Html.escape(text);
  }

  /** A comment: the page shows nothing, yet proxies see traffic, and its write fails if the reader is gone. */
  protected byte[] streamHeartbeat() {
    return "<!-- heartbeat -->\n".getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Where a reconnecting client left off (HTML Standard, server-sent events: Last-Event-ID), else
   * {@code ?after=}; empty when neither is given: only new messages then.
   */
  protected OptionalLong resumeAfter(HttpExchange exchange) throws Rejection {
    String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
    if (lastEventId != null && !lastEventId.isBlank()) {
      return OptionalLong.of(Query.number("Last-Event-ID", lastEventId.strip(), Long.MAX_VALUE));
    }
    return Query.of(exchange.getRequestURI()).number("after", Long.MAX_VALUE);
  }

  /** How long an EventSource waits before it reconnects. */
  protected byte[] sseOpening() {
    return ("retry: " + settings.retryMillis() + "\n\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** {@code id: 7\ndata: first line\ndata: second line\n\n}: the id is what Last-Event-ID sends back. */
  protected byte[] sseEvent(Message message) {
    StringBuilder event = new StringBuilder("id: ").append(message.id()).append('\n');
    for (String line : sseDataLines(message.content())) event.append("data: ").append(line).append('\n');
    return event.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** In an event stream a line ends at CRLF, LF or CR: each line of the content is its own data field. */
  protected List<String> sseDataLines(String content) {
    return List.of(content.split("\r\n|\r|\n", -1));
  }

  /** A comment line (it starts with a colon), which an EventSource ignores. */
  protected byte[] sseHeartbeat() {
    return ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);
  }

  private void poll(HttpExchange exchange) throws IOException, SQLException, InterruptedException, Rejection {
    Query query = Query.of(exchange.getRequestURI());
    long after = query.number("after", Long.MAX_VALUE).orElse(0);
    long timeoutMillis = Math.min(query.number("timeout", Long.MAX_VALUE).orElse(DEFAULT_POLL_TIMEOUT_MILLIS),
        MAX_POLL_TIMEOUT_MILLIS);
    subscriberJoined(Transport.POLL);
    try {
      List<Message> waiting = store.after(after, PAGE_SIZE);
      if (answersAtOnce(waiting)) {
        sendJson(exchange, 200, Json.messages(waiting));
        return;
      }
      long waitFrom = waiting.isEmpty() ? after : waiting.get(waiting.size() - 1).id();
      switch (awaitPoll(waitFrom, TimeUnit.MILLISECONDS.toNanos(timeoutMillis))) {
        case NEWS -> sendJson(exchange, 200, Json.messages(store.after(after, PAGE_SIZE)));
        case QUIET -> pollTimedOut(exchange);
        case CLOSED -> { } // The server is closing; the connection goes with it.
      }
    } finally {
      subscriberLeft(Transport.POLL);
    }
  }

  /** Messages after the client's cursor are already here: answer now, do not wait for the next one. */
  protected boolean answersAtOnce(List<Message> waiting) {
    return !waiting.isEmpty();
  }

  protected Wake awaitPoll(long cursor, long timeoutNanos) throws InterruptedException, SQLException {
    return broker.awaitNewerThan(cursor, timeoutNanos, TimeUnit.NANOSECONDS);
  }

  /** Nothing came: 204, and the client asks again with the same cursor. */
  protected void pollTimedOut(HttpExchange exchange) throws IOException {
    Replies.noContent(exchange);
  }

  /** Every JSON answer goes out here, complete, with a Content-Length. */
  protected void sendJson(HttpExchange exchange, int status, String json) throws IOException {
    Replies.json(exchange, status, json);
  }

  protected String indexPage() {
    return Pages.INDEX;
  }

  protected String framePage() {
    return Pages.FRAME;
  }

  protected void subscriberJoined(Transport transport) {
    openSubscribers.get(transport).incrementAndGet();
  }

  /** Called in a finally: a subscriber that leaves for whatever reason is no longer counted. */
  protected void subscriberLeft(Transport transport) {
    openSubscribers.get(transport).decrementAndGet();
  }

  /** Open subscribers by kind, in the order /stats shows them. */
  protected Map<String, Integer> subscriberCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Transport transport : Transport.values()) {
      counts.put(transport.statsName(), openSubscribers.get(transport).get());
    }
    return counts;
  }

  protected MessageStore store() {
    return store;
  }

  protected Broker broker() {
    return broker;
  }

  public Settings settings() {
    return settings;
  }
}
