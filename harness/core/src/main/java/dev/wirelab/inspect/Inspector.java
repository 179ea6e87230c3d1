package dev.wirelab.inspect;

import dev.wirelab.client.Conversation;
import dev.wirelab.client.Exchange;
import dev.wirelab.client.ExchangeRunner;
import dev.wirelab.client.PersistentConnection;
import dev.wirelab.http.HttpResponse;
import dev.wirelab.http.ParseMode;
import dev.wirelab.wire.Deadline;
import dev.wirelab.wire.Ending;
import dev.wirelab.wire.RawConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sends one request over a raw socket and returns everything about the answer: the microscope. */
public final class Inspector {
  private final ParseMode mode;
  private final Duration timeout;
  private final long byteCap;

  public Inspector(ParseMode mode, Duration timeout, long byteCap) {
    this.mode = mode;
    this.timeout = timeout;
    this.byteCap = byteCap;
  }

  public Inspector() {
    this(ParseMode.STRICT, Duration.ofSeconds(10), RawConnection.DEFAULT_BYTE_CAP);
  }

  /**
   * Sends several requests on one connection: one after another, each after the previous response, or
   * all at once ({@code pipeline}), then reads the responses in order.
   */
  public Conversation inspectAll(List<InspectRequest> requests, boolean pipeline) throws IOException {
    if (requests.isEmpty()) throw new IllegalArgumentException("no requests");
    Deadline deadline = Deadline.after(timeout);
    List<byte[]> wire = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) wire.add(requests.get(i).bytes(i == requests.size() - 1));
    List<Conversation.Turn> turns = new ArrayList<>();
    try (PersistentConnection connection = PersistentConnection.open(requests.get(0).address(), deadline, byteCap,
        mode)) {
      if (pipeline) wire.forEach(connection::send);
      for (byte[] request : wire) {
        if (!pipeline) connection.send(request);
        HttpResponse response = connection.nextResponse(request, deadline);
        List<Long> starts = connection.startOffsets();
        turns.add(new Conversation.Turn(request, response, starts.get(starts.size() - 1)));
        if (connection.ending() != Ending.OPEN) break; // nothing more will come
      }
      if (connection.ending() == Ending.OPEN) connection.awaitClose(Duration.ofMillis(500));
      String outcome = connection.ending().description() + "; " + connection.transcript().receivedTotal()
          + " bytes received";
      return new Conversation(turns, connection.transcript(), outcome, connection.unconsumedBytes());
    }
  }


  public Exchange inspect(InspectRequest request) throws IOException {
    ExchangeRunner runner = new ExchangeRunner(request.address(), byteCap, mode, Duration.ofMillis(500),
        connection -> {});
    return runner.send(request.method() + " " + request.url(), request.bytes(), Deadline.after(timeout));
  }
}
