package dev.wirelab.target;

import dev.wirelab.api.LabConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server in any language, started as a shell command with {@code {port}} replaced by a free port and
 * the lab's settings in {@code WIRELAB_*} variables. Stopping it kills the whole process tree, so a
 * wrapper script cannot leave its server behind.
 */
public final class CommandTarget implements Target {
  private final String command;

  public CommandTarget(String command) {
    this.command = command;
  }

  @Override
  public String describe() {
    return "command: " + command;
  }

  @Override
  public RunningTarget start(Map<String, String> settings, Duration startupTimeout) throws TargetException {
    int port;
    try {
      port = PortProbe.freePort();
    } catch (IOException e) {
      throw new TargetException("no free port: " + e.getMessage(), e);
    }
    String line = command.replace("{port}", Integer.toString(port));
    ProcessBuilder builder = new ProcessBuilder(shell(line)).redirectErrorStream(true);
    builder.environment().putAll(LabConfig.of(settings).with(LabConfig.PORT, Integer.toString(port)).toEnvironment());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new TargetException("cannot run " + line + ": " + e.getMessage(), e);
    }
    LogTail log = new LogTail(process.getInputStream());
    Thread reaper = new Thread(() -> killTree(process), "wirelab-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    try {
      PortProbe.awaitAccepting(address, startupTimeout, process::isAlive, () -> {
        // A process that died may still have output in the pipe: let the drain catch up first.
        if (!process.isAlive()) log.awaitEnd(1_000);
        return log.text();
      });
    } catch (TargetException e) {
      killTree(process);
      removeHook(reaper);
      throw e;
    }
    return new RunningTarget() {
      @Override
      public InetSocketAddress address() {
        return address;
      }

      @Override
      public String log() {
        return log.text();
      }

      @Override
      public void close() {
        killTree(process);
        removeHook(reaper);
      }
    };
  }

  private static List<String> shell(String line) {
    boolean windows = System.getProperty("os.name").toLowerCase().contains("win");
    return windows ? List.of("cmd", "/c", line) : List.of("sh", "-c", line);
  }

  /** Children first are collected before the parent dies, since orphans drop out of its descendants. */
  static void killTree(Process process) {
    List<ProcessHandle> tree = process.descendants().toList();
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(2, TimeUnit.SECONDS);
      } catch (Exception stillAlive) {
        handle.destroyForcibly();
      }
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it does the same work.
    }
  }

  /** Drains a process's output on a daemon thread, keeping only the last few KiB. */
  static final class LogTail {
    private static final int KEEP_BYTES = 8 * 1024;
    private final byte[] ring = new byte[KEEP_BYTES];
    private long written;

    private final Thread drain;

    LogTail(InputStream in) {
      drain = new Thread(() -> {
        byte[] buffer = new byte[4096];
        try (in) {
          for (int count; (count = in.read(buffer)) != -1; ) append(buffer, count);
        } catch (IOException ignored) {
          // The process is gone.
        }
      }, "wirelab-server-log");
      drain.setDaemon(true);
      drain.start();
    }

    /** Waits until the process's output has been read to its end, or the time is up. */
    void awaitEnd(long millis) {
      try {
        drain.join(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private synchronized void append(byte[] bytes, int count) {
      for (int i = 0; i < count; i++) ring[(int) (written++ % KEEP_BYTES)] = bytes[i];
    }

    synchronized String text() {
      int size = (int) Math.min(written, KEEP_BYTES);
      byte[] ordered = new byte[size];
      long start = written - size;
      for (int i = 0; i < size; i++) ordered[i] = ring[(int) ((start + i) % KEEP_BYTES)];
      String text = new String(ordered, StandardCharsets.UTF_8);
      return written > KEEP_BYTES ? "…" + text : text;
    }
  }
}
