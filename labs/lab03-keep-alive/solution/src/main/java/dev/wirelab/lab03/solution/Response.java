package dev.wirelab.lab03.solution;

import dev.wirelab.labs.common.HttpDate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A response: status, the fields that depend on the resource and the connection, and the body. Date and
 * the framing field are added when the head is encoded, from the one framing decided for it.
 */
public record Response(int status, String reason, List<Field> fields, Body body) {
  private static final String CRLF = "\r\n";

  public Response {
    fields = List.copyOf(fields);
  }

  public static Response of(int status, String reason, String contentType, Body body) {
    return new Response(status, reason, List.of(new Field("Content-Type", contentType)), body);
  }

  /** A short plain-text page, for errors: a person reading it with curl learns what went wrong. */
  public static Response page(int status, String reason, String message) {
    byte[] text = (status + " " + reason + ": " + message + "\n").getBytes(StandardCharsets.UTF_8);
    return of(status, reason, "text/plain; charset=utf-8", Body.of(text));
  }

  public Response withField(String name, String value) {
    List<Field> more = new ArrayList<>(fields);
    more.add(new Field(name, value));
    return new Response(status, reason, more, body);
  }

  public Response withFields(List<Field> extra) {
    List<Field> more = new ArrayList<>(fields);
    more.addAll(extra);
    return new Response(status, reason, more, body);
  }

  /**
   * The status line, Date, the fields, exactly one framing field (none for a close-delimited body), and
   * the empty line: {@code HTTP/1.1 200 OK\r\nDate: ...\r\n...Content-Length: 14\r\n\r\n}.
   */
  public byte[] head(Framing framing) {
    StringBuilder head = new StringBuilder();
    head.append("HTTP/1.1 ").append(status).append(' ').append(reason).append(CRLF);
    appendField(head, "Date", HttpDate.now());
    for (Field field : fields) appendField(head, field.name(), field.value());
    switch (framing) {
      case CHUNKED -> appendField(head, "Transfer-Encoding", "chunked");
      case CONTENT_LENGTH -> appendField(head, "Content-Length", Long.toString(body.length().orElseThrow()));
      case CLOSE_DELIMITED -> { } // Neither field: the close ends the body (RFC 9112 §6.3 rule 8).
      case NONE -> throw new IllegalArgumentException("a response body ends by its length or the close: " + framing);
    }
    head.append(CRLF);
    return head.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void appendField(StringBuilder head, String name, String value) {
    head.append(name).append(": ").append(value).append(CRLF);
  }
}
