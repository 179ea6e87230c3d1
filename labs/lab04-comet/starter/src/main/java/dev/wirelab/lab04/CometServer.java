package dev.wirelab.lab04;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.wirelab.api.LabConfig;
import dev.wirelab.api.LabLauncher;
import dev.wirelab.api.LabServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Lab 04: comet done right. Read labs/lab04-comet/README.md first.
 *
 * <p>What works already is the seed, ported line by line from PHP: {@code /stream} sends 4000 spaces,
 * then loops forever: select the unread rows, echo one, mark every row read, flush, sleep a second.
 * {@code POST /messages} inserts a row, and the plain JSON reads ({@code GET /messages?after=ID},
 * {@code GET /messages/{id}}) work, since they are not the lesson. It compiles, runs and streams, and
 * it has every bug the README walks through: rows lost between the select and the update, one reader
 * only, a second of latency, no escaping, no heartbeat. Everything else answers 501. Each
 * {@code TODO(lab04)} is one rule to add. To see which checks pass:
 * {@code ./wirelab grade lab04 --impl starter} from the repository root.
 *
 * <p>HTTP itself is the JDK's HttpServer: {@code sendResponseHeaders(200, 0)} makes a chunked
 * response, and each {@code flush()} of its body sends what was written since as one chunk.
 */
public class CometServer implements LabServer {
  private static final String PAD = " ".repeat(4000); // $pad = str_repeat(' ', 4000);
  private static final String TEXT_PLAIN = "text/plain; charset=utf-8";
  private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

  private HttpServer server;
  private ExecutorService exchanges;
  private String jdbcUrl;
  private String jdbcUser;
  private String jdbcPassword;

  public CometServer() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    LabLauncher.run(new CometServer());
  }

  @Override
  public void start(LabConfig config) throws IOException {
    jdbcUrl = config.setting("JDBC_URL").orElse("jdbc:h2:file:./data/lab04-messages");
    jdbcUser = config.setting("JDBC_USER").orElse(jdbcUrl.startsWith("jdbc:h2:") ? "sa" : "");
    jdbcPassword = config.setting("JDBC_PASSWORD").orElse("");
    // TODO(lab04): read PRELUDE_BYTES (default 1024), HEARTBEAT_MS (default 15000) and RETRY_MS
    //  (default 2000) from config.setting(...), as the README's settings table says.
    try (Connection connection = connect()) {
      createTable(connection);
    } catch (SQLException e) {
      throw new IOException("cannot use the database at " + jdbcUrl + ": " + e.getMessage(), e);
    }
    exchanges = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "CometServer-exchange");
      thread.setDaemon(true);
      return thread;
    });
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 128);
    server.setExecutor(exchanges); // one thread per exchange: each open /stream holds one
    server.createContext("/", this::serve);
    server.start();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword); // $conn = mysql_connect(...)
  }

  /**
   * The seed's table, flag column and all. (utf8mb4 and DATETIME on MariaDB, where the seed's utf8
   * cannot store an emoji.) The ALTER adds the flag to a table the reference created before.
   */
  private static void createTable(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    boolean mariaDb = product.contains("mariadb") || product.contains("mysql");
    // TODO(lab04): the flag column is the seed's read state, and it is global: it cannot say WHO read
    //  a message. Drop it: messages are an append-only log, and each subscriber keeps its own cursor.
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS message ("
          + "id BIGINT AUTO_INCREMENT PRIMARY KEY, "
          + "content VARCHAR(800) NOT NULL, "
          + "created_at " + (mariaDb ? "DATETIME(3)" : "TIMESTAMP(3)") + " NOT NULL, "
          + "flag INT DEFAULT 0 NOT NULL)"
          + (mariaDb ? " DEFAULT CHARSET=utf8mb4" : ""));
      statement.execute("ALTER TABLE message ADD COLUMN IF NOT EXISTS flag INT DEFAULT 0 NOT NULL");
    }
  }

  @Override
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    if (server == null) return;
    server.stop(0);
    // TODO(lab04): wake every subscriber so it returns by itself; interrupting a thread in the middle
    //  of an H2 file read closes the database.
    exchanges.shutdownNow(); // interrupts the sleep(1) of every /stream loop
    try {
      exchanges.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void serve(HttpExchange exchange) {
    try {
      route(exchange, exchange.getRequestURI().getPath(), exchange.getRequestMethod());
    } catch (IOException e) {
      // The client went away.
    } catch (SQLException | RuntimeException e) {
      System.err.println("CometServer: " + exchange.getRequestURI() + " failed: " + e);
      if (exchange.getResponseCode() == -1) reply(exchange, 500, "the server failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // close() interrupts: the server is stopping
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange, String path, String method)
      throws IOException, SQLException, InterruptedException {
    if (path.equals("/messages") && method.equals("POST")) {
      post(exchange);
    } else if (path.equals("/stream")) {
      stream(exchange);
    } else if (path.equals("/messages") && method.equals("GET")) {
      list(exchange);
    } else if (path.startsWith("/messages/") && method.equals("GET")) {
      message(exchange, path.substring("/messages/".length()));
    } else if (path.equals("/messages") || path.startsWith("/messages/")) {
      // TODO(lab04): any other method on a known path: 405 with an Allow field (RFC 9110 §15.5.6).
      notYet(exchange, method + " " + path);
    } else if (path.equals("/poll")) {
      // TODO(lab04): long polling. Messages after ?after=ID exist: 200 with them at once. None: hold the
      //  request until a POST wakes it (then 200 within 250 ms) or ?timeout=MS passes (then 204).
      notYet(exchange, path);
    } else if (path.equals("/events")) {
      // TODO(lab04): server-sent events: text/event-stream, "retry: RETRY_MS\n\n", then per message
      //  "id: N\n" + one "data: LINE\n" per line + "\n", each event one flushed chunk; resume after
      //  the Last-Event-ID request header.
      notYet(exchange, path);
    } else if (path.equals("/stats")) {
      // TODO(lab04): {"stream":A,"poll":B,"events":C}, the subscribers open right now.
      notYet(exchange, path);
    } else if (path.equals("/") || path.equals("/frame.html")) {
      // TODO(lab04): the chat pages: / with an EventSource('/events') and a form that POSTs; /frame.html
      //  with a hidden iframe on /stream?after=0 whose paragraphs the page copies.
      notYet(exchange, path);
    } else {
      reply(exchange, 404, "no resource at " + path);
    }
  }

  /** The seed's insert, which it typed into a mysql shell: {@code insert into message values (...)}. */
  private void post(HttpExchange exchange) throws IOException, SQLException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    // TODO(lab04): decode strictly (a CharsetDecoder that REPORTs malformed input): invalid UTF-8 is 400,
    //  not a row full of U+FFFD. An empty body is 400; more than 200 code points is 413. Store nothing then.
    String content = new String(body, StandardCharsets.UTF_8);
    long id;
    // TODO(lab04): wake the subscribers here, and serialize the insert with that wakeup, so that ids
    //  become visible in order. Nothing wakes them now: each one finds the row at its next sleep(1).
    try (Connection connection = connect();
         PreparedStatement insert = connection.prepareStatement(
             "INSERT INTO message (content, created_at, flag) VALUES (?, ?, 0)", Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, content);
      insert.setObject(2, LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    exchange.getResponseHeaders().set("Location", "/messages/" + id);
    sendJson(exchange, 201, "{\"id\":" + id + "}");
  }

  /**
   * GET /messages?after=ID: the messages with id > ID, oldest first, at most 1000, as JSON. Not the
   * lesson, so it is done; note that it reads with a cursor, and writes nothing.
   */
  private void list(HttpExchange exchange) throws IOException, SQLException {
    String query = exchange.getRequestURI().getRawQuery();
    long after = 0;
    if (query != null && query.startsWith("after=")) {
      try {
        after = Long.parseLong(query.substring("after=".length()));
      } catch (NumberFormatException e) {
        reply(exchange, 400, "expected after to be a whole number but was " + query);
        return;
      }
    }
    StringJoiner array = new StringJoiner(",", "[", "]");
    try (Connection connection = connect();
         PreparedStatement select = connection.prepareStatement(
             "SELECT id, content, created_at FROM message WHERE id > ? ORDER BY id LIMIT 1000")) {
      select.setLong(1, after);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) array.add(json(rows));
      }
    }
    sendJson(exchange, 200, array.toString());
  }

  /** GET /messages/{id}: one message as JSON, or 404. */
  private void message(HttpExchange exchange, String idText) throws IOException, SQLException {
    if (!idText.matches("[0-9]{1,18}")) {
      reply(exchange, 404, "expected the id of a message but was " + idText);
      return;
    }
    try (Connection connection = connect();
         PreparedStatement select = connection.prepareStatement(
             "SELECT id, content, created_at FROM message WHERE id = ?")) {
      select.setLong(1, Long.parseLong(idText));
      try (ResultSet rows = select.executeQuery()) {
        if (rows.next()) sendJson(exchange, 200, json(rows));
        else reply(exchange, 404, "expected the id of a message but was " + idText);
      }
    }
  }

  /** {@code {"id":7,"content":"hi","createdAt":"2026-11-25T22:00:00.123Z"}} */
  private static String json(ResultSet row) throws SQLException {
    LocalDateTime createdAt = row.getObject("created_at", LocalDateTime.class);
    return "{\"id\":" + row.getLong("id") + ",\"content\":" + jsonString(row.getString("content"))
        + ",\"createdAt\":\"" + CREATED_AT.format(createdAt) + "\"}";
  }

  private static String jsonString(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') quoted.append('\\').append(c);
      else if (c < 0x20) quoted.append(String.format("\\u%04x", (int) c));
      else quoted.append(c);
    }
    return quoted.append('"').toString();
  }

  private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** comet.php, line by line. */
  private void stream(HttpExchange exchange) throws IOException, SQLException, InterruptedException {
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(200, 0); // no length: chunked, one chunk per flush()
    OutputStream out = exchange.getResponseBody();
    // TODO(lab04): the prelude is exactly PRELUDE_BYTES bytes, begins with <!DOCTYPE html>, and is sent
    //  once. 4000 is a guess (note 00, section 3.4), and the seed pays it again before every message.
    out.write((PAD + "<br />").getBytes(StandardCharsets.UTF_8)); // echo $pad,'<br />';
    out.flush(); // ob_flush(); flush();
    // TODO(lab04): start after ?after=ID, or after the latest id when there is none: a cursor of your own.
    try (Connection connection = connect()) {
      while (true) { // while(1){
        // TODO(lab04): no global "unread": select what is after YOUR cursor, in id order (the seed has no
        //  ORDER BY), every row, not just the first; then move the cursor. Reading writes nothing.
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("select * from message where flag = 0")) {
          if (rows.next()) { // $row = mysql_fetch_assoc($rs); if(!empty($row)){
            out.write((PAD + "<br />").getBytes(StandardCharsets.UTF_8)); // echo $pad,'<br />';
            // TODO(lab04): each message as its own chunk <p data-id="N">CONTENT</p>\n, the content
            //  HTML-escaped (& < > " ' as &amp; &lt; &gt; &quot; &#39;): echo lets a <script> run.
            out.write((rows.getString("content") + "<br />").getBytes(StandardCharsets.UTF_8));
            // TODO(lab04): this marks EVERY row read, the ones never fetched and the ones inserted since
            //  the select: they are lost. And it marks them read for every other reader too.
            try (Statement update = connection.createStatement()) {
              update.executeUpdate("update message set flag = 1");
            }
          }
        }
        out.flush(); // ob_flush(); flush();
        // TODO(lab04): wait to be woken by the POST (a lock and a condition, with a timeout), not a
        //  sleep: a message waits up to a second here before anyone even looks.
        // TODO(lab04): when nothing was sent for HEARTBEAT_MS, send <!-- heartbeat -->\n: proxies cut
        //  silent responses, and a write is how you notice that the reader has gone.
        // TODO(lab04): count the open subscribers for /stats, and uncount them in a finally.
        Thread.sleep(1000); // sleep(1);
      }
    }
  }

  private static void notYet(HttpExchange exchange, String what) throws IOException {
    reply(exchange, 501, "not implemented yet: " + what + " (see the TODO(lab04) in CometServer)");
  }

  private static void reply(HttpExchange exchange, int status, String reason) {
    try {
      byte[] body = (reason + "\n").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", TEXT_PLAIN);
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException ignored) {
      // The client is gone.
    }
  }
}
