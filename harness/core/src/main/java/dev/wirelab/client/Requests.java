package dev.wirelab.client;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Builds request bytes exactly as written, so a check's request is visible in its source. Unless said
 * otherwise, each request asks the server to close ({@code Connection: close}): one request per
 * connection. {@link #persistent} and {@link #withBody} leave the connection open, as HTTP/1.1 does by
 * default (RFC 9112 §9.3).
 */
public final class Requests {
  private Requests() {}

  /**
   * {@code METHOD target HTTP/1.1}, Host, any extra field lines, then {@code Connection: close} unless
   * the extra fields carry a Connection field of their own.
   */
  public static byte[] request(String method, String target, InetSocketAddress host, String... extraFields) {
    StringBuilder text = new StringBuilder()
        .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
        .append("Host: ").append(hostField(host)).append("\r\n");
    boolean connectionGiven = false;
    for (String field : extraFields) {
      text.append(field).append("\r\n");
      connectionGiven |= field.regionMatches(true, 0, "Connection:", 0, 11);
    }
    if (!connectionGiven) text.append("Connection: close\r\n");
    text.append("\r\n");
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** {@code METHOD target HTTP/1.1}, Host and any extra field lines, and no Connection field: keep-alive. */
  public static byte[] persistent(String method, String target, InetSocketAddress host, String... extraFields) {
    StringBuilder text = new StringBuilder()
        .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
        .append("Host: ").append(hostField(host)).append("\r\n");
    for (String field : extraFields) text.append(field).append("\r\n");
    text.append("\r\n");
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A persistent request with a body framed by Content-Length (RFC 9112 §6.2). */
  public static byte[] withBody(String method, String target, InetSocketAddress host, byte[] body,
      String... extraFields) {
    String[] fields = java.util.Arrays.copyOf(extraFields, extraFields.length + 1);
    fields[extraFields.length] = "Content-Length: " + body.length;
    byte[] head = persistent(method, target, host, fields);
    byte[] request = java.util.Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    return request;
  }

  /** An HTTP/1.0 request: Host only, no Connection field, since 1.0 closes by default (RFC 9112 §9.3). */
  public static byte[] http10(String method, String target, InetSocketAddress host) {
    String text = method + " " + target + " HTTP/1.0\r\nHost: " + hostField(host) + "\r\n\r\n";
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  public static byte[] get(String target, InetSocketAddress host) {
    return request("GET", target, host);
  }

  public static byte[] head(String target, InetSocketAddress host) {
    return request("HEAD", target, host);
  }

  /** Any text, sent verbatim: for requests that are deliberately not HTTP. */
  public static byte[] raw(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  static String hostField(InetSocketAddress host) {
    return host.getAddress().getHostAddress() + ":" + host.getPort();
  }

  /** The request line's HTTP-version; HTTP/1.1 when the request is not well formed enough to say. */
  public static String versionOf(byte[] request) {
    String text = new String(request, 0, Math.min(request.length, 8192), StandardCharsets.ISO_8859_1);
    int lineEnd = text.indexOf("\r\n");
    String line = lineEnd < 0 ? text : text.substring(0, lineEnd);
    return line.endsWith(" HTTP/1.0") ? "HTTP/1.0" : "HTTP/1.1";
  }

  /** The request line's method; GET when the request does not start with one. */
  public static String methodOf(byte[] request) {
    String text = new String(request, 0, Math.min(request.length, 32), StandardCharsets.ISO_8859_1);
    int space = text.indexOf(' ');
    return space > 0 ? text.substring(0, space) : "GET";
  }
}
