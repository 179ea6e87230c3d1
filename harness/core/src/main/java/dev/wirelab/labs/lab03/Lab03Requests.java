package dev.wirelab.labs.lab03;

import dev.wirelab.check.CheckContext;
import dev.wirelab.client.Requests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The requests Lab 03's checks send, the bodies the contract promises, and the lab's settings. */
final class Lab03Requests {
  static final String IDLE_TIMEOUT_SETTING = "IDLE_TIMEOUT_MS";
  static final String MAX_REQUESTS_SETTING = "MAX_REQUESTS";
  static final byte[] HELLO = "Hello, 世界\n".getBytes(StandardCharsets.UTF_8);

  private Lab03Requests() {}

  /** A keep-alive GET: HTTP/1.1 with Host and no Connection field. */
  static byte[] get(CheckContext context, String target, String... extraFields) {
    return Requests.persistent("GET", target, context.address(), extraFields);
  }

  /** A keep-alive POST /echo whose body is framed by Content-Length. */
  static byte[] echo(CheckContext context, byte[] body) {
    return Requests.withBody("POST", "/echo", context.address(), body,
        "Content-Type: application/octet-stream");
  }

  static String slow(long millis) {
    return "/slow?ms=" + millis;
  }

  /** The body of {@code /slow?ms=T}. */
  static byte[] slept(long millis) {
    return ("slept " + millis + " ms\n").getBytes(StandardCharsets.UTF_8);
  }

  static String stream(int count, int intervalMillis) {
    return "/stream?count=" + count + "&interval=" + intervalMillis;
  }

  /** {@code message 1\n} … {@code message count\n}, the body of {@code /stream}. */
  static byte[] streamLines(int count) {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= count; i++) lines.append("message ").append(i).append('\n');
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  static Duration idleTimeout(CheckContext context) {
    return Duration.ofMillis(Long.parseLong(context.setting(IDLE_TIMEOUT_SETTING)));
  }

  static int maxRequests(CheckContext context) {
    return Integer.parseInt(context.setting(MAX_REQUESTS_SETTING));
  }

  /**
   * How long a server may take to close after a response that ends the connection: well inside the
   * idle timeout, so a server that says close and then simply waits for its idle timeout is not taken
   * for one that closed.
   */
  static Duration closeWindow(CheckContext context) {
    Duration half = idleTimeout(context).dividedBy(2);
    return half.compareTo(context.closeGrace()) < 0 ? half : context.closeGrace();
  }

  /** A short wait that shows a connection is being kept, without costing a check much time. */
  static Duration briefly(CheckContext context) {
    Duration half = idleTimeout(context).dividedBy(2);
    return half.compareTo(Duration.ofMillis(200)) < 0 ? half : Duration.ofMillis(200);
  }
}
