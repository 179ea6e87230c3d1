package dev.wirelab.target;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

/** A server someone else started, at host:port. The harness cannot pass it settings or stop it. */
public final class RemoteTarget implements Target {
  private static final Duration ALREADY_RUNNING_WAIT = Duration.ofSeconds(3);
  private final InetSocketAddress address;

  public RemoteTarget(InetSocketAddress address) {
    this.address = address;
  }

  /** Parses {@code host:port}. */
  public static RemoteTarget parse(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostAndPort.length() - 1) {
      throw new IllegalArgumentException("expected HOST:PORT but was " + hostAndPort);
    }
    String host = hostAndPort.substring(0, colon).replace("[", "").replace("]", "");
    int port = Integer.parseInt(hostAndPort.substring(colon + 1));
    return new RemoteTarget(new InetSocketAddress(host, port));
  }

  @Override
  public String describe() {
    return "started by you at " + address.getHostString() + ":" + address.getPort();
  }

  @Override
  public RunningTarget start(Map<String, String> settings, Duration startupTimeout) throws TargetException {
    if (address.isUnresolved()) throw new TargetException("cannot resolve " + address.getHostString());
    // It should be running already: a short wait covers a server still starting, not one never started.
    Duration wait = startupTimeout.compareTo(ALREADY_RUNNING_WAIT) < 0 ? startupTimeout : ALREADY_RUNNING_WAIT;
    PortProbe.awaitAccepting(address, wait, () -> true, () -> "");
    return new RunningTarget() {
      @Override
      public InetSocketAddress address() {
        return address;
      }

      @Override
      public void close() {
        // Someone else started it; someone else stops it.
      }
    };
  }

  public InetSocketAddress address() {
    return address;
  }
}
