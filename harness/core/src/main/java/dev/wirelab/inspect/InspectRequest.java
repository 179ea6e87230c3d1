package dev.wirelab.inspect;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one request {@code inspect} sends, built from a URL and options. {@link #bytes()} is exactly what
 * goes on the wire: {@code Host}, then the caller's fields, then {@code Connection: close} unless the
 * caller set a Connection field of their own.
 */
public record InspectRequest(URI url, String method, boolean http10, List<String> fields) {

  public InspectRequest {
    if (!"http".equalsIgnoreCase(url.getScheme())) {
      throw new IllegalArgumentException("expected an http:// URL but was " + url);
    }
    if (url.getHost() == null) throw new IllegalArgumentException("no host in " + url);
    fields = List.copyOf(fields);
    for (String field : fields) {
      if (field.indexOf(':') <= 0) throw new IllegalArgumentException("expected \"Name: value\" but was " + field);
    }
  }

  /** The same URL's server with another method and target: {@code "HEAD /files/a.bin"}. */
  public InspectRequest withRequestLine(String methodAndTarget) {
    String[] parts = methodAndTarget.trim().split(" +", 2);
    if (parts.length != 2 || !parts[1].startsWith("/")) {
      throw new IllegalArgumentException("expected \"METHOD /target\" but was " + methodAndTarget);
    }
    String base = url.getScheme() + "://" + url.getRawAuthority();
    return new InspectRequest(URI.create(base + parts[1]), parts[0], http10, fields);
  }

  public static InspectRequest get(String url) {
    return new InspectRequest(URI.create(url), "GET", false, List.of());
  }

  public InetSocketAddress address() throws UnknownHostException {
    int port = url.getPort() == -1 ? 80 : url.getPort();
    return new InetSocketAddress(InetAddress.getByName(url.getHost()), port);
  }

  public String target() {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
  }

  public byte[] bytes() {
    return bytes(true);
  }

  /**
   * The request bytes; {@code last} false asks the server to keep the connection open for the next
   * request ({@code Connection: keep-alive} for HTTP/1.0, no Connection field for HTTP/1.1).
   */
  public byte[] bytes(boolean last) {
    StringBuilder text = new StringBuilder()
        .append(method).append(' ').append(target()).append(http10 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n");
    List<String> all = new ArrayList<>();
    String host = url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort();
    if (fields.stream().noneMatch(field -> field.regionMatches(true, 0, "Host:", 0, 5))) all.add("Host: " + host);
    all.addAll(fields);
    if (fields.stream().noneMatch(field -> field.regionMatches(true, 0, "Connection:", 0, 11))) {
      // TE is hop-by-hop: whoever sends it lists it in Connection too (RFC 9110 §10.1.4).
      boolean te = fields.stream().anyMatch(field -> field.regionMatches(true, 0, "TE:", 0, 3));
      String option = last ? "close" : http10 ? "keep-alive" : null;
      if (te || option != null) {
        all.add("Connection: " + (te ? "TE" + (option == null ? "" : ", " + option) : option));
      }
    }
    for (String field : all) text.append(field).append("\r\n");
    return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
