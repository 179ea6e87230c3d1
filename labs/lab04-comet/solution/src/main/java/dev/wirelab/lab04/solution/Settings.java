package dev.wirelab.lab04.solution;

import dev.wirelab.api.LabConfig;

/**
 * Lab 04's settings, from {@code WIRELAB_*} variables or the harness's {@link LabConfig}.
 *
 * @param jdbcUrl where the messages live; by default an H2 file under the working directory, so they
 *     survive a restart (the harness sets an in-memory H2 database per run)
 * @param preludeBytes the size of /stream's first chunk
 * @param heartbeatMillis how long a stream may stay quiet before it sends a heartbeat
 * @param retryMillis the {@code retry:} an event stream announces
 */
public record Settings(String jdbcUrl, String jdbcUser, String jdbcPassword, int preludeBytes,
                       long heartbeatMillis, long retryMillis) {
  public static final String JDBC_URL = "JDBC_URL";
  public static final String JDBC_USER = "JDBC_USER";
  public static final String JDBC_PASSWORD = "JDBC_PASSWORD";
  public static final String PRELUDE_BYTES = "PRELUDE_BYTES";
  public static final String HEARTBEAT_MS = "HEARTBEAT_MS";
  public static final String RETRY_MS = "RETRY_MS";
  public static final String DEFAULT_JDBC_URL = "jdbc:h2:file:./data/lab04-messages";
  /** {@code <!DOCTYPE html>} must fit. */
  public static final int MIN_PRELUDE_BYTES = 15;
  /** The chunked stream sends at most 4096 bytes per chunk, as HttpServer's does: a larger prelude would be two. */
  public static final int MAX_PRELUDE_BYTES = 4096;

  public static Settings from(LabConfig config) {
    String url = config.setting(JDBC_URL).map(String::strip).orElse(DEFAULT_JDBC_URL);
    return new Settings(url,
        config.setting(JDBC_USER).orElse(url.startsWith("jdbc:h2:") ? "sa" : ""),
        config.setting(JDBC_PASSWORD).orElse(""),
        (int) number(config, PRELUDE_BYTES, 1024, MIN_PRELUDE_BYTES, MAX_PRELUDE_BYTES),
        number(config, HEARTBEAT_MS, 15_000, 1, Integer.MAX_VALUE),
        number(config, RETRY_MS, 2_000, 0, Integer.MAX_VALUE));
  }

  private static long number(LabConfig config, String name, long defaultValue, long min, long max) {
    long value = config.setting(name).map(String::strip).map(Long::parseLong).orElse(defaultValue);
    if (value < min || value > max) {
      throw new IllegalArgumentException("expected " + LabConfig.ENV_PREFIX + name + " from " + min + " to "
          + max + " but was " + value);
    }
    return value;
  }
}
