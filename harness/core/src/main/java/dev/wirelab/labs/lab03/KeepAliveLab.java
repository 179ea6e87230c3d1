package dev.wirelab.labs.lab03;

import dev.wirelab.check.Check;
import dev.wirelab.grade.HiddenCheckGroup;
import dev.wirelab.grade.HiddenTally;
import dev.wirelab.grade.Lab;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lab 03: many requests over one connection. Framing that lets a client find each response's end,
 * connections kept and closed at the right moments, request bodies read whole, and no client able to
 * stall the others. The contract is in {@code labs/lab03-keep-alive/README.md}.
 */
public final class KeepAliveLab implements Lab {
  /**
   * Short enough that the idle checks take seconds, long enough that "still open after half of it" has
   * half a second of margin on a busy machine.
   */
  static final String DEFAULT_IDLE_TIMEOUT_MS = "1000";
  /** More than OkHttp's 20 requests, so that check fits on one connection. */
  static final String DEFAULT_MAX_REQUESTS = "25";
  /** Lab03HiddenChecks, counted here because a student edition has no such class to count. */
  static final HiddenTally HIDDEN = new HiddenTally(1, 2);

  private final List<Check> checks;

  public KeepAliveLab() {
    checks = Lab.inIdOrder(PersistenceChecks.all(),
        BoundaryChecks.all(),
        RequestBodyChecks.all(),
        LifecycleChecks.all(),
        ConcurrencyChecks.all(),
        BadRequestChecks.all(),
        RealClientChecks.all(),
        HiddenCheckGroup.load(KeepAliveLab.class, "Lab03HiddenChecks"));
  }

  @Override
  public String name() {
    return "lab03-keep-alive";
  }

  @Override
  public String title() {
    return "Persistent connections and pipelining";
  }

  @Override
  public String summary() {
    return "Many requests on one connection: keep it unless told to close (HTTP/1.1) or not asked to keep it"
        + " (HTTP/1.0), answer pipelined requests in order, read every request body whole, close idle"
        + " connections after WIRELAB_IDLE_TIMEOUT_MS and after WIRELAB_MAX_REQUESTS, serve connections"
        + " concurrently, and answer unframeable requests with 400 and a close.";
  }

  @Override
  public List<Check> checks() {
    return checks;
  }

  @Override
  public HiddenTally hiddenTally() {
    return HIDDEN;
  }

  /** The timings the checks rely on; a server the user started (--target) must use the same. */
  @Override
  public Map<String, String> prepare(Path workDir, Map<String, String> given) {
    Map<String, String> settings = new HashMap<>(given);
    settings.putIfAbsent(Lab03Requests.IDLE_TIMEOUT_SETTING, DEFAULT_IDLE_TIMEOUT_MS);
    settings.putIfAbsent(Lab03Requests.MAX_REQUESTS_SETTING, DEFAULT_MAX_REQUESTS);
    // The checks size their waits and requests from these: /slow may not exceed 10 s, ten requests must
    // fit on one connection before its last, and every wait must fit in a check's time limit.
    requireBetween(settings, Lab03Requests.IDLE_TIMEOUT_SETTING, 500, 4000);
    requireBetween(settings, Lab03Requests.MAX_REQUESTS_SETTING, 12, 1000);
    return settings;
  }

  private static void requireBetween(Map<String, String> settings, String name, long min, long max) {
    String value = settings.get(name);
    long number;
    try {
      number = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not \"" + value + "\"");
    }
    if (number < min || number > max) {
      throw new IllegalArgumentException(name + "=" + number + " is outside what Lab 03's checks can judge ("
          + min + " to " + max + "); start your server with a value in that range");
    }
  }

  /** The largest response is a short /stream; anything past 1 MiB is a server that does not stop. */
  @Override
  public long byteCap() {
    return 1024 * 1024;
  }

  /** The idle, slow and concurrency checks wait on purpose: about 20 seconds for a correct server. */
  @Override
  public Duration budget() {
    return Duration.ofMinutes(3);
  }
}
