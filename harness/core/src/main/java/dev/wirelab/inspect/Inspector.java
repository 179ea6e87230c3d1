package dev.wirelab.inspect;

import dev.wirelab.client.Exchange;
import dev.wirelab.client.ExchangeRunner;
import dev.wirelab.http.ParseMode;
import dev.wirelab.wire.Deadline;
import dev.wirelab.wire.RawConnection;
import java.io.IOException;
import java.time.Duration;

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

  public Exchange inspect(InspectRequest request) throws IOException {
    ExchangeRunner runner = new ExchangeRunner(request.address(), byteCap, mode, Duration.ofMillis(500),
        connection -> {});
    return runner.send(request.method() + " " + request.url(), request.bytes(), Deadline.after(timeout));
  }
}
