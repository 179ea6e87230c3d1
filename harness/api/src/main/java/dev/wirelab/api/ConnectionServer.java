package dev.wirelab.api;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The part of a lab server that is not the lesson: accept connections on a port and hand each to
 * {@link #handle} on its own thread. Labs extend this and write {@code handle}, which is the lesson.
 */
public abstract class ConnectionServer implements LabServer {
  private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
  private ServerSocket serverSocket;
  private ExecutorService connectionThreads;
  private Thread acceptThread;
  protected LabConfig config;

  /**
   * Serves one accepted connection. The socket is closed for you when this returns or throws, so a
   * server that wants to close early may simply return.
   */
  protected abstract void handle(Socket socket) throws IOException;

  /**
   * The threads that serve accepted connections: by default one per connection, so that an idle or slow
   * client holds up nobody else. Connections are handed over in the order they were accepted.
   */
  protected ExecutorService connectionThreads(ThreadFactory threads) {
    return Executors.newCachedThreadPool(threads);
  }

  @Override
  public void start(LabConfig config) throws IOException {
    if (serverSocket != null) throw new IllegalStateException("already started");
    this.config = config;
    serverSocket = new ServerSocket();
    serverSocket.setReuseAddress(true);
    serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 128);
    String name = getClass().getSimpleName();
    connectionThreads = connectionThreads(runnable -> {
      Thread thread = new Thread(runnable, name + "-connection");
      thread.setDaemon(true);
      return thread;
    });
    acceptThread = new Thread(this::acceptLoop, name + "-accept");
    acceptThread.setDaemon(true);
    acceptThread.start();
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        openSockets.add(socket);
        connectionThreads.execute(() -> serve(socket));
      } catch (IOException e) {
        if (serverSocket.isClosed()) return;
        System.err.println("accept failed: " + e);
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      handle(socket);
    } catch (SocketException e) {
      // The client went away (reset, or closed early): nothing to answer.
    } catch (IOException | RuntimeException e) {
      System.err.println(getClass().getSimpleName() + ": connection failed: " + e);
    } finally {
      openSockets.remove(socket);
    }
  }

  @Override
  public int port() {
    if (serverSocket == null) throw new IllegalStateException("not started");
    return serverSocket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    if (serverSocket == null) return;
    serverSocket.close();
    for (Socket socket : openSockets) socket.close();
    connectionThreads.shutdownNow();
    try {
      acceptThread.join(2_000);
      connectionThreads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
