package dev.wirelab.target;

import dev.wirelab.api.LabConfig;
import dev.wirelab.api.LabServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

/** A {@link LabServer} class loaded by name and started in the harness's own JVM, on a free port. */
public final class InProcessTarget implements Target {
  private final String className;

  public InProcessTarget(String className) {
    this.className = className;
  }

  @Override
  public String describe() {
    return "in process: " + className;
  }

  @Override
  public RunningTarget start(Map<String, String> settings, Duration startupTimeout) throws TargetException {
    LabServer server = instantiate();
    try {
      server.start(LabConfig.of(settings).with(LabConfig.PORT, "0"));
    } catch (IOException | RuntimeException e) {
      closeQuietly(server);
      throw new TargetException(className + " failed to start: " + e, e);
    }
    InetSocketAddress address;
    try {
      address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
      // start() is supposed to return only once the port accepts; a starter may not keep that promise.
      PortProbe.awaitAccepting(address, startupTimeout, () -> true, () -> "");
    } catch (RuntimeException | TargetException e) {
      closeQuietly(server);
      throw new TargetException(className + " started but does not accept connections: " + e.getMessage(), e);
    }
    return new RunningTarget() {
      @Override
      public InetSocketAddress address() {
        return address;
      }

      @Override
      public void close() {
        closeQuietly(server);
      }
    };
  }

  private LabServer instantiate() throws TargetException {
    return instantiate(className);
  }

  /** Creates a {@link LabServer} by class name, with an error that says what is wrong with the class. */
  public static LabServer instantiate(String className) throws TargetException {
    try {
      Class<?> type = Class.forName(className);
      if (!LabServer.class.isAssignableFrom(type)) {
        throw new TargetException(className + " does not implement " + LabServer.class.getName());
      }
      return (LabServer) type.getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw new TargetException("no class " + className + " on the class path", e);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new TargetException("cannot create " + className + ": " + e, e);
    }
  }

  private static void closeQuietly(LabServer server) {
    try {
      server.close();
    } catch (IOException | RuntimeException ignored) {
      // Grading is over; a server that fails to close is not worth failing the run for.
    }
  }
}
