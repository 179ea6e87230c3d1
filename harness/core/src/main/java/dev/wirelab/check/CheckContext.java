package dev.wirelab.check;

import dev.wirelab.client.Exchange;
import dev.wirelab.client.ExchangeRunner;
import dev.wirelab.http.ParseMode;
import dev.wirelab.wire.Deadline;
import dev.wirelab.wire.RawConnection;
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
  private final ExchangeRunner runner;
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final List<RawConnection> openConnections = new CopyOnWriteArrayList<>();

  public CheckContext(InetSocketAddress address, Map<String, String> settings, Deadline deadline,
      long byteCap, Duration closeGrace) {
    this.address = address;
    this.settings = Map.copyOf(settings);
    this.deadline = deadline;
    this.runner = new ExchangeRunner(address, byteCap, ParseMode.LENIENT, closeGrace, openConnections::add);
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

  private Exchange record(Exchange exchange) {
    exchanges.add(exchange);
    return exchange;
  }

  public List<Exchange> exchanges() {
    return new ArrayList<>(exchanges);
  }

  /** Closes every connection this check opened: used when the check overruns its deadline. */
  public void abort() {
    for (RawConnection connection : openConnections) connection.close();
  }
}
