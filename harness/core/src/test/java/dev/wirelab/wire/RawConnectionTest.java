package dev.wirelab.wire;

import static dev.wirelab.wire.HostileServer.readRequestHead;
import static dev.wirelab.wire.HostileServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link RawConnection} against tiny servers that misbehave on purpose. Time bounds are generous on the
 * late side (a busy two-core machine) and exact on the early side (a deadline is never cut short).
 */
@Timeout(60)
class RawConnectionTest {
  private static final byte[] REQUEST = ascii("GET / HTTP/1.1\r\nHost: test\r\n\r\n");
  private static final Duration CONNECT = Duration.ofSeconds(5);
  private static final long LATE_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(3);

  @Test
  void silentServerEndsInTimeoutAtTheDeadline() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> {
          readRequestHead(socket);
          socket.getInputStream().read(); // until the client goes away
        });
        RawConnection connection = open(server)) {
      connection.send(REQUEST);
      long deadlineNanos = TimeUnit.MILLISECONDS.toNanos(300);
      long start = System.nanoTime();

      Ending ending = connection.read(ArrivalListener.UNTIL_CLOSE, Deadline.after(Duration.ofNanos(deadlineNanos)));

      long elapsed = System.nanoTime() - start;
      assertThat(ending).isEqualTo(Ending.TIMEOUT);
      assertThat(elapsed).isGreaterThanOrEqualTo(deadlineNanos - TimeUnit.MILLISECONDS.toNanos(1));
      assertThat(elapsed).isLessThan(deadlineNanos + LATE_MARGIN_NANOS);
      assertThat(connection.transcript().receivedTotal()).isZero();
      assertThat(lastEvent(connection).kind()).isEqualTo(WireEvent.Kind.TIMEOUT);
    }
  }

  @Test
  void endlessServerIsCutOffAtTheByteCap() throws Exception {
    long byteCap = 100_000;
    try (HostileServer server = HostileServer.start(socket -> {
          readRequestHead(socket);
          byte[] block = new byte[8192];
          OutputStream out = socket.getOutputStream();
          while (true) out.write(block); // until the client closes
        });
        RawConnection connection = RawConnection.open(server.address(), Deadline.after(CONNECT), byteCap)) {
      connection.send(REQUEST);

      Ending ending = connection.read(ArrivalListener.UNTIL_CLOSE, Deadline.after(Duration.ofSeconds(20)));

      Transcript transcript = connection.transcript();
      assertThat(ending).isEqualTo(Ending.BYTE_CAP);
      assertThat(transcript.receivedTotal()).isEqualTo(byteCap);
      assertThat(transcript.receivedCount()).isEqualTo((int) byteCap);
      assertThat(transcript.receivedBuffer().length).as("buffer capacity").isLessThan((int) (2 * byteCap));
      assertThat(lastEvent(connection).kind()).isEqualTo(WireEvent.Kind.BYTE_CAP);
    }
  }

  @Test
  void abortiveCloseIsReset() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> {
          readRequestHead(socket);
          socket.setSoLinger(true, 0); // close with RST instead of FIN
          socket.close();
        });
        RawConnection connection = open(server)) {
      connection.send(REQUEST);

      Ending ending = connection.read(ArrivalListener.UNTIL_CLOSE, Deadline.after(Duration.ofSeconds(10)));

      assertThat(ending).isEqualTo(Ending.RESET);
      assertThat(connection.transcript().ending()).isEqualTo(Ending.RESET);
      assertThat(lastEvent(connection).kind()).isEqualTo(WireEvent.Kind.RESET);
    }
  }

  @Test
  void orderlyCloseIsPeerClosedWithEveryByteKept() throws Exception {
    try (HostileServer server = HostileServer.answerThenClose("HTTP/1.1 200 OK\r\n\r\nbye");
        RawConnection connection = open(server)) {
      connection.send(REQUEST);

      Ending ending = connection.read(ArrivalListener.UNTIL_CLOSE, Deadline.after(Duration.ofSeconds(10)));

      assertThat(ending).isEqualTo(Ending.PEER_CLOSED);
      assertThat(ascii(connection.transcript().received())).isEqualTo("HTTP/1.1 200 OK\r\n\r\nbye");
      assertThat(lastEvent(connection).kind()).isEqualTo(WireEvent.Kind.FIN);
      assertThat(connection.transcript().sent()).isEqualTo(REQUEST);
    }
  }

  @Test
  void readingAgainAfterTheEndReturnsTheSameEnding() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> {
          readRequestHead(socket);
          socket.shutdownOutput();
          socket.getInputStream().read();
        });
        RawConnection connection = open(server)) {
      connection.send(REQUEST);
      connection.read(ArrivalListener.UNTIL_CLOSE, Deadline.after(Duration.ofSeconds(10)));
      int eventCount = connection.transcript().events().size();

      assertThat(connection.read(ArrivalListener.UNTIL_CLOSE, Deadline.after(Duration.ofSeconds(10))))
          .isEqualTo(Ending.PEER_CLOSED);
      assertThat(connection.transcript().events()).hasSize(eventCount);
    }
  }

  @Test
  void nobodyListeningFailsToConnectQuickly() throws Exception {
    InetSocketAddress closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = new InetSocketAddress(probe.getInetAddress(), probe.getLocalPort());
    }
    long start = System.nanoTime();

    assertThatThrownBy(() -> RawConnection.open(closedPort, Deadline.after(Duration.ofSeconds(10)), 1024))
        .isInstanceOf(ConnectException.class)
        .hasMessageStartingWith("cannot connect to " + closedPort);
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
  }

  @Test
  void listenerThatHasEnoughLeavesTheConnectionOpen() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> {
          readRequestHead(socket);
          write(socket, "0123456789");
          socket.getInputStream().read();
        });
        RawConnection connection = open(server)) {
      connection.send(REQUEST);
      List<String> arrivals = new ArrayList<>();

      Ending ending = connection.read((transcript, offset, byteCount, nanos) -> {
        arrivals.add(offset + "+" + byteCount);
        return transcript.receivedCount() >= 10;
      }, Deadline.after(Duration.ofSeconds(10)));

      assertThat(ending).isEqualTo(Ending.OPEN);
      assertThat(connection.transcript().ending()).isEqualTo(Ending.OPEN);
      assertThat(arrivals).isNotEmpty();
      assertThat(arrivals.get(0)).startsWith("0+");
    }
  }

  @Test
  void lingeringPastTheDeadlineIsNoTimeout() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> {
          readRequestHead(socket);
          write(socket, "complete");
          socket.getInputStream().read();
        })) {
      RawConnection connection = open(server);
      try {
        connection.send(REQUEST);
        connection.read((transcript, offset, byteCount, nanos) -> transcript.receivedCount() >= 8,
            Deadline.after(Duration.ofSeconds(10)));

        Ending ending = connection.linger(Deadline.after(Duration.ofMillis(100)));

        assertThat(ending).isEqualTo(Ending.OPEN);
        assertThat(connection.transcript().events()).extracting(WireEvent::kind)
            .doesNotContain(WireEvent.Kind.TIMEOUT);
      } finally {
        connection.close();
      }
      assertThat(connection.transcript().harnessClosedFirst()).isTrue();
      assertThat(lastEvent(connection).kind()).isEqualTo(WireEvent.Kind.CLOSED_BY_HARNESS);
    }
  }

  @Test
  void sendInPiecesWritesEachPieceSeparately() throws Exception {
    byte[] request = ascii("GET /pieces HTTP/1.1\r\n\r\n"); // 24 bytes: pieces of 8
    CompletableFuture<List<Integer>> serverReads = new CompletableFuture<>();
    try (HostileServer server = HostileServer.start(socket -> serverReads.complete(readSizes(socket, request.length)));
        RawConnection connection = open(server)) {

      boolean sent = connection.sendInPieces(request, 8, Duration.ofMillis(60), Deadline.after(Duration.ofSeconds(10)));

      assertThat(sent).isTrue();
      assertThat(connection.transcript().events()).filteredOn(event -> event.kind() == WireEvent.Kind.SENT)
          .extracting(WireEvent::offset, WireEvent::byteCount)
          .containsExactly(
tuple(0L, 8), tuple(8L, 8), tuple(16L, 8));
      List<Integer> reads = serverReads.get(10, TimeUnit.SECONDS);
      assertThat(reads.stream().mapToInt(Integer::intValue).sum()).isEqualTo(request.length);
      // Each piece left in its own segment; a starved server thread may still merge two of them.
      assertThat(reads).as("server reads").hasSizeGreaterThan(1);
    }
  }

  @Test
  void sendInPiecesWithoutPauseStillSendsEveryByte() throws Exception {
    byte[] request = ascii("GET /no-pause HTTP/1.1\r\n\r\n");
    CompletableFuture<List<Integer>> serverReads = new CompletableFuture<>();
    try (HostileServer server = HostileServer.start(socket -> serverReads.complete(readSizes(socket, request.length)));
        RawConnection connection = open(server)) {

      boolean sent = connection.sendInPieces(request, 4, Duration.ZERO, Deadline.after(Duration.ofSeconds(10)));

      assertThat(sent).isTrue();
      assertThat(connection.transcript().sent()).isEqualTo(request);
      assertThat(serverReads.get(10, TimeUnit.SECONDS).stream().mapToInt(Integer::intValue).sum())
          .isEqualTo(request.length);
    }
  }

  @Test
  void sendInPiecesStopsOnceTheDeadlineHasPassed() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> socket.getInputStream().read());
        RawConnection connection = open(server)) {
      Deadline soon = Deadline.after(Duration.ofMillis(50));

      boolean sent = connection.sendInPieces(ascii("abcdefghij"), 1, Duration.ofMillis(40), soon);

      assertThat(sent).isFalse();
      assertThat(connection.transcript().sent().length).isBetween(1, 9);
    }
  }

  @Test
  void readTimesAreMonotonicAndMapBackToOffsets() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> {
          readRequestHead(socket);
          for (String piece : List.of("ab", "cd", "ef")) {
            write(socket, piece);
            Thread.sleep(30);
          }
          socket.shutdownOutput();
          socket.getInputStream().read();
        });
        RawConnection connection = open(server)) {
      connection.send(REQUEST);
      connection.read(ArrivalListener.UNTIL_CLOSE, Deadline.after(Duration.ofSeconds(10)));

      Transcript transcript = connection.transcript();
      assertThat(ascii(transcript.received())).isEqualTo("abcdef");
      List<Long> eventTimes = transcript.events().stream().map(WireEvent::nanos).toList();
      assertThat(eventTimes).isSorted();
      assertThat(transcript.reads()).extracting(WireEvent::nanos).isSorted().allMatch(nanos -> nanos > 0);
      for (WireEvent read : transcript.reads()) {
        assertThat(transcript.arrivalNanos(read.offset())).isEqualTo(read.nanos());
        assertThat(transcript.arrivalNanos(read.offset() + read.byteCount() - 1)).isEqualTo(read.nanos());
      }
      assertThat(transcript.arrivalNanos(6)).isEqualTo(-1);
    }
  }

  @Test
  void releasedTranscriptKeepsTotalsAndTimelineButNoBytes() throws Exception {
    try (HostileServer server = HostileServer.answerThenClose("twelve bytes");
        RawConnection connection = open(server)) {
      connection.send(REQUEST);
      connection.read(ArrivalListener.UNTIL_CLOSE, Deadline.after(Duration.ofSeconds(10)));
      Transcript transcript = connection.transcript();

      transcript.releaseBytes();

      assertThat(transcript.isReleased()).isTrue();
      assertThat(transcript.receivedTotal()).isEqualTo(12);
      assertThat(transcript.receivedCount()).isZero();
      assertThat(transcript.reads()).isNotEmpty();
      assertThatThrownBy(transcript::received).isInstanceOf(IllegalStateException.class)
          .hasMessage("transcript bytes were released");
    }
  }

  @Test
  void callerMistakesAreRejectedWithTheValue() throws Exception {
    try (HostileServer server = HostileServer.start(socket -> socket.getInputStream().read());
        RawConnection connection = open(server)) {
      assertThatThrownBy(() -> connection.sendInPieces(REQUEST, 0, Duration.ZERO, Deadline.after(CONNECT)))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("pieceSize <= 0: 0");
    }
    assertThatThrownBy(() -> RawConnection.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9),
        Deadline.after(CONNECT), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("byteCap <= 0: 0");
  }

  private static RawConnection open(HostileServer server) throws Exception {
    return RawConnection.open(server.address(), Deadline.after(CONNECT), RawConnection.DEFAULT_BYTE_CAP);
  }

  private static WireEvent lastEvent(RawConnection connection) {
    List<WireEvent> events = connection.transcript().events();
    return events.get(events.size() - 1);
  }

  /** The size of each read the server made until it had {@code total} bytes. */
  private static List<Integer> readSizes(java.net.Socket socket, int total) throws Exception {
    InputStream in = socket.getInputStream();
    List<Integer> sizes = new ArrayList<>();
    byte[] buffer = new byte[1024];
    int received = 0;
    while (received < total) {
      int count = in.read(buffer);
      if (count < 0) break;
      sizes.add(count);
      received += count;
    }
    return sizes;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String ascii(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
