package dev.wirelab.lab02.solution;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A response as the routes decide it: status, the fields that depend on the resource, and the body.
 * The fields every response gets (Date, the framing fields, Connection) are added when it is written.
 */
public record Response(int status, String reason, List<Field> fields, Body body) {

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
}
