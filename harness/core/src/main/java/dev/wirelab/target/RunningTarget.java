package dev.wirelab.target;

import java.net.InetSocketAddress;

/** A started server. Closing it stops whatever the harness started; never throws. */
public interface RunningTarget extends AutoCloseable {
  InetSocketAddress address();

  /** The end of what the server printed, when the harness can see it; else empty. */
  default String log() {
    return "";
  }

  @Override
  void close();
}
