package dev.wirelab.check;

import dev.wirelab.client.Exchange;
import dev.wirelab.client.ExchangeRunner;
import dev.wirelab.client.OpenStream;
import dev.wirelab.client.PersistentConnection;
import dev.wirelab.http.ParseMode;
import dev.wirelab.wire.Deadline;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a running check may use: the server's address, the lab's settings and fixtures, and exchanges
 * over fresh connections that all share the check's deadline. Every exchange is kept for the report.
 */
public final class CheckContext {
  private final InetSocketAddress address;
  private final Map<String, String> settings;
  private final Deadline deadline;
  private final long byteCap;
  private final Duration closeGrace;
  private final ExchangeRunner runner;
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final List<Closeable> openConnections = new CopyOnWriteArrayList<>();

  private final long seed;

  public CheckContext(InetSocketAddress address, Map<String, String> settings, Deadline deadline,
      long byteCap, Duration closeGrace) {
    this(address, settings, deadline, byteCap, closeGrace, 0);
  }

  /** {@code seed} chooses this check's randomised inputs: see {@link #random()}. */
  public CheckContext(InetSocketAddress address, Map<String, String> settings, Deadline deadline,
      long byteCap, Duration closeGrace, long seed) {
    this.seed = seed;
    this.address = address;
    this.settings = Map.copyOf(settings);
    this.deadline = deadline;
    this.byteCap = byteCap;
    this.closeGrace = closeGrace;
    this.runner = new ExchangeRunner(address, byteCap, ParseMode.LENIENT, closeGrace, openConnections::add);
  }

  /**
   * A fresh source of randomised inputs for this check, the same on every call and every run with the
   * same grading seed (the report prints it): a check that draws its inputs here can be replayed.
   */
  public java.util.Random random() {
    return new java.util.Random(seed);
  }

  public InetSocketAddress address() {
    return address;
  }

  public Deadline deadline() {
    return deadline;
  }

  /** A lab setting by name, e.g. {@code DOCROOT}; fails loudly if the lab forgot to provide it. */
  public String setting(String name) {
    String value = settings.get(name);
    if (value == null) throw new IllegalStateException("lab setting " + name + " is not set");
    return value;
  }

  public Path docroot() {
    return Path.of(setting("DOCROOT"));
  }

  /** Sends {@code request} whole on a fresh connection and reads one response. */
  public Exchange send(String label, byte[] request) {
    return record(runner.send(label, request, deadline));
  }

  /** Sends {@code request} a few bytes at a time with pauses between, then reads one response. */
  public Exchange sendInPieces(String label, byte[] request, int pieceSize, Duration pause) {
    return record(runner.send(label, request, pieceSize, pause, deadline));
  }

  /**
   * Opens a connection for several requests (a keep-alive client). Each request sent through
   * {@link #exchange} or read through {@link #answerTo} is recorded like any other exchange.
   */
  public PersistentConnection connect(String purpose) throws CheckFailure {
    try {
      PersistentConnection connection = PersistentConnection.open(address, deadline, byteCap, ParseMode.LENIENT);
      openConnections.add(connection);
      return connection;
    } catch (IOException e) {
      throw new CheckFailure(new Diagnostic("the server to accept a connection (" + purpose + ")",
          "\"" + e.getMessage() + "\"", "RFC 9112 §9.1", -1, null, null, null));
    }
  }

  /** Sends {@code request} on the kept connection and reads its response. */
  public Exchange exchange(PersistentConnection connection, String label, byte[] request) {
    return record(connection.exchange(label, request, deadline));
  }

  /** The same, waiting at most {@code patience} for the response (and never past the check's deadline). */
  public Exchange exchange(PersistentConnection connection, String label, byte[] request, Duration patience) {
    return record(connection.exchange(label, request, deadline.atMost(patience)));
  }

  /** Reads the response to a request sent earlier on the kept connection (pipelined, or in pieces). */
  public Exchange answerTo(PersistentConnection connection, String label, byte[] request) {
    return record(connection.answerTo(label, request, deadline));
  }

  /**
   * Sends {@code request} on a new connection and leaves its response open to be watched: a response
   * that never ends. {@link #record} keeps a snapshot of it for the report.
   */
  public OpenStream openStream(String label, byte[] request) throws CheckFailure {
    try {
      OpenStream stream = OpenStream.open(label, address, request, deadline, byteCap, ParseMode.LENIENT);
      openConnections.add(stream);
      return stream;
    } catch (IOException e) {
      throw new CheckFailure(new Diagnostic("the server to accept a connection (" + label + ")",
          "\"" + e.getMessage() + "\"", "RFC 9112 §9.1", -1, null, null, null));
    }
  }

  /** The stream as it stands now, kept for the report like any exchange. */
  public Exchange record(OpenStream stream) {
    return record(stream.snapshot());
  }

  /** The same, waiting at most {@code patience}: zero takes what has arrived, to show it in a diagnostic. */
  public Exchange answerTo(PersistentConnection connection, String label, byte[] request, Duration patience) {
    return record(connection.answerTo(label, request, deadline.atMost(patience)));
  }

  /**
   * Lets time pass, as a check that waits on purpose does (a server's timer, the order it takes
   * connections in), but never past the check's deadline.
   */
  public void pause(Duration duration) {
    long millis = Math.min(duration.toMillis(), deadline.remainingMillis());
    if (millis <= 0) return;
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the grader is stopping the check
    }
  }

  /** How long a check waits after a complete response to see whether the server closes. */
  public Duration closeGrace() {
    return closeGrace;
  }

  private Exchange record(Exchange exchange) {
    exchanges.add(exchange);
    return exchange;
  }

  public List<Exchange> exchanges() {
    return new ArrayList<>(exchanges);
  }

  /** Closes every connection this check opened: used when the check overruns its deadline. */
  public void abort() {
    for (Closeable connection : openConnections) {
      try {
        connection.close();
      } catch (IOException e) {
        // Closing is all that is wanted; a connection that fails to close is gone anyway.
      }
    }
  }
}
