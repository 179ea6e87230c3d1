package dev.wirelab.lab04.solution;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Complete responses, each framed by a Content-Length, so a kept connection goes on after them. The
 * server (see {@code http.WireExchange}) writes the status line, Date and the framing; these add the rest.
 */
public final class Replies {
  public static final String TEXT_PLAIN = "text/plain; charset=utf-8";
  public static final String TEXT_HTML = "text/html; charset=utf-8";
  public static final String JSON = "application/json";

  private Replies() {}

  public static void send(HttpExchange exchange, int status, String contentType, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length); // -1: Content-Length: 0
    if (bytes.length > 0) {
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(bytes);
      }
    }
  }

  public static void json(HttpExchange exchange, int status, String json) throws IOException {
    send(exchange, status, JSON, json);
  }

  /** A short text/plain page: the status's reason, one line. */
  public static void text(HttpExchange exchange, int status, String reason) throws IOException {
    send(exchange, status, TEXT_PLAIN, reason + "\n");
  }

  /** 204: no body and, as RFC 9110 §8.6 asks of a 204, no Content-Length either. */
  public static void noContent(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(204, -1);
  }

  public static void methodNotAllowed(HttpExchange exchange, String allow) throws IOException {
    exchange.getResponseHeaders().set("Allow", allow);
    text(exchange, 405, "expected " + allow + " but was " + exchange.getRequestMethod());
  }
}
