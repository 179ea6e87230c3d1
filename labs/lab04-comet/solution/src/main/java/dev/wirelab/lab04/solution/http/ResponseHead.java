package dev.wirelab.lab04.solution.http;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A response's status line and header section as bytes. Field names go out as {@link Headers} spells
 * them ({@code Content-type}), as the JDK's HttpServer writes them: field names are case-insensitive
 * (RFC 9110 §5.1), and the wire stays what it was when the reference ran on HttpServer.
 */
final class ResponseHead {
  private ResponseHead() {}

  static byte[] encode(int status, Headers fields) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    for (Map.Entry<String, List<String>> field : fields.entrySet()) {
      for (String value : field.getValue()) head.append(field.getKey()).append(": ").append(value).append("\r\n");
    }
    return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The reason phrases of RFC 9110 §15 for the statuses this lab sends; any other gets an empty one. */
  static String reason(int status) {
    return switch (status) {
      case 100 -> "Continue";
      case 200 -> "OK";
      case 201 -> "Created";
      case 204 -> "No Content";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 413 -> "Content Too Large";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 503 -> "Service Unavailable";
      case 505 -> "HTTP Version Not Supported";
      default -> ""; // RFC 9112 §4: the reason-phrase may be empty; the space before it may not.
    };
  }
}
