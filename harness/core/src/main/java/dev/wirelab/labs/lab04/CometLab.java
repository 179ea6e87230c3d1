package dev.wirelab.labs.lab04;

import dev.wirelab.check.Check;
import dev.wirelab.grade.Lab;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lab 04: the seed's push chat done right. Messages stored by id, pushed to every subscriber the moment
 * they are posted, over a forever /stream, long polling and Server-Sent Events. The contract is in
 * {@code labs/lab04-comet/README.md}.
 */
public final class CometLab implements Lab {
  /** Not the default 1024, and not the seed's 4000: a server must read the setting. */
  static final String PRELUDE_BYTES = "1536";
  /** Short, so the heartbeat and leak checks take seconds. */
  static final String HEARTBEAT_MS = "500";
  static final String RETRY_MS = "1500";

  private final List<Check> checks;

  public CometLab() {
    checks = Lab.inIdOrder(MessageApiChecks.all(),
        StreamChecks.all(),
        DeliveryChecks.all(),
        LongPollChecks.all(),
        EventStreamChecks.all(),
        PageChecks.all());
  }

  @Override
  public String name() {
    return "lab04-comet";
  }

  @Override
  public String title() {
    return "Comet: push over HTTP";
  }

  @Override
  public String summary() {
    return "A chat store with POST /messages, pushed to every subscriber at once: a forever /stream of"
        + " chunks with a prelude and heartbeats, long polling on /poll, Server-Sent Events on /events with"
        + " Last-Event-ID, the pages that use them, and /stats.";
  }

  @Override
  public List<Check> checks() {
    return checks;
  }

  /**
   * The timings the checks rely on, and a fresh in-memory H2 database per run (a Java server's
   * WIRELAB_JDBC_URL; servers in other languages keep messages their own way).
   */
  @Override
  public Map<String, String> prepare(Path workDir, Map<String, String> given) {
    Map<String, String> settings = new HashMap<>(given);
    settings.putIfAbsent(Lab04Requests.PRELUDE_SETTING, PRELUDE_BYTES);
    settings.putIfAbsent(Lab04Requests.HEARTBEAT_SETTING, HEARTBEAT_MS);
    settings.putIfAbsent(Lab04Requests.RETRY_SETTING, RETRY_MS);
    if (!settings.containsKey("JDBC_URL")) {
      settings.put("JDBC_URL", "jdbc:h2:mem:wirelab-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      settings.put("JDBC_USER", "sa");
      settings.put("JDBC_PASSWORD", "");
    }
    return settings;
  }

  /** 200 messages to five subscribers is the most any check reads from one connection. */
  @Override
  public long byteCap() {
    return 4L * 1024 * 1024;
  }

  @Override
  public Duration budget() {
    return Duration.ofMinutes(4);
  }
}
