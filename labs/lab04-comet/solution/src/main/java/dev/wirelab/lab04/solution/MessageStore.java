package dev.wirelab.lab04.solution;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The messages, as an append-only log in one table, with plain JDBC. Reading writes nothing: there is
 * no "read" flag, each subscriber keeps its own cursor and asks for {@link #after} it.
 *
 * <p>Connections come from a tiny pool of its own: a few idle connections are kept for the next
 * operation (opening one per operation would reopen an H2 file database every time, since H2 closes a
 * database with its last connection), the rest are closed after use. Each connection serves one
 * operation at a time, on one thread.
 */
public final class MessageStore implements AutoCloseable {
  private static final int IDLE_CONNECTIONS = 8;

  private final String url;
  private final String user;
  private final String password;
  private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(IDLE_CONNECTIONS);
  private volatile boolean closed;

  private MessageStore(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Connects and creates the table if it is not there yet. */
  public static MessageStore open(String url, String user, String password) throws SQLException {
    MessageStore store = new MessageStore(url, user, password);
    try {
      store.run(store::createTable);
    } catch (SQLException | RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  private Void createTable(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(createTableSql(connection.getMetaData().getDatabaseProductName()));
    }
    return null;
  }

  /**
   * Portable SQL, with two MariaDB (and MySQL) differences: the table's charset must be utf8mb4, or an
   * emoji does not fit; and DATETIME, because a MariaDB TIMESTAMP ends in 2038 and shifts with the
   * session's time zone. 800 characters is room for 200 code points however they are counted.
   */
  static String createTableSql(String databaseProduct) {
    String product = databaseProduct.toLowerCase(Locale.ROOT);
    boolean mariaDb = product.contains("mariadb") || product.contains("mysql");
    return "CREATE TABLE IF NOT EXISTS message ("
        + "id BIGINT AUTO_INCREMENT PRIMARY KEY, "
        + "content VARCHAR(800) NOT NULL, "
        + "created_at " + (mariaDb ? "DATETIME(3)" : "TIMESTAMP(3)") + " NOT NULL)"
        + (mariaDb ? " DEFAULT CHARSET=utf8mb4" : "");
  }

  /** Stores a message and returns its id, which is larger than every id before it. */
  public long append(String content, Instant createdAt) throws SQLException {
    return run(connection -> {
      String sql = "INSERT INTO message (content, created_at) VALUES (?, ?)";
      try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
        insert.setString(1, content);
        // UTC wall-clock time, so the JVM's time zone never enters the column.
        insert.setObject(2, LocalDateTime.ofInstant(createdAt.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          if (!keys.next()) throw new SQLException("expected a generated id but the insert returned none");
          return keys.getLong(1);
        }
      }
    });
  }

  /** At most {@code limit} messages with an id larger than {@code id}, in ascending id order. */
  public List<Message> after(long id, int limit) throws SQLException {
    if (limit <= 0) throw new IllegalArgumentException("limit <= 0: " + limit);
    return run(connection -> {
      String sql = "SELECT id, content, created_at FROM message WHERE id > ? ORDER BY id LIMIT ?";
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setLong(1, id);
        select.setInt(2, limit);
        try (ResultSet rows = select.executeQuery()) {
          List<Message> messages = new ArrayList<>();
          while (rows.next()) messages.add(message(rows));
          return messages;
        }
      }
    });
  }

  public Optional<Message> find(long id) throws SQLException {
    return run(connection -> {
      try (PreparedStatement select =
               connection.prepareStatement("SELECT id, content, created_at FROM message WHERE id = ?")) {
        select.setLong(1, id);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? Optional.of(message(rows)) : Optional.<Message>empty();
        }
      }
    });
  }

  /** The largest id stored, 0 when there is none. */
  public long latestId() throws SQLException {
    return run(connection -> {
      try (Statement statement = connection.createStatement();
           ResultSet rows = statement.executeQuery("SELECT MAX(id) FROM message")) {
        rows.next();
        return rows.getLong(1); // SQL NULL, for an empty table, reads as 0
      }
    });
  }

  private static Message message(ResultSet row) throws SQLException {
    LocalDateTime createdAt = row.getObject(3, LocalDateTime.class);
    return new Message(row.getLong(1), row.getString(2), createdAt.toInstant(ZoneOffset.UTC));
  }

  private interface Work<T> {
    T on(Connection connection) throws SQLException;
  }

  private <T> T run(Work<T> work) throws SQLException {
    Connection connection = borrow();
    boolean healthy = false;
    try {
      T result = work.on(connection);
      healthy = true;
      return result;
    } finally {
      giveBack(connection, healthy);
    }
  }

  private Connection borrow() throws SQLException {
    if (closed) throw new SQLException("the message store is closed");
    Connection connection = idle.poll();
    return connection != null ? connection : DriverManager.getConnection(url, user, password);
  }

  /** A connection that failed may be broken (a MariaDB wait_timeout, say): it is closed, not kept. */
  private void giveBack(Connection connection, boolean healthy) {
    if (healthy && !closed && idle.offer(connection)) {
      // close() may have emptied the pool between the check and the offer; then it missed this one.
      if (closed && idle.remove(connection)) closeQuietly(connection);
      return;
    }
    closeQuietly(connection);
  }

  @Override
  public void close() {
    closed = true;
    Connection connection;
    while ((connection = idle.poll()) != null) closeQuietly(connection);
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Closing is all that was left to do with it.
    }
  }
}
