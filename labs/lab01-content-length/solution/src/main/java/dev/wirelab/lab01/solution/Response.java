package dev.wirelab.lab01.solution;

import java.util.ArrayList;
import java.util.List;

/**
 * A response as the routes decide it: status, the fields that depend on the resource, and the content.
 * The fields every response gets (Date, Content-Length, Connection) are added when it is written.
 */
public record Response(int status, String reason, List<Field> fields, Content content) {

  public record Field(String name, String value) {}

  public Response {
    fields = List.copyOf(fields);
  }

  public static Response of(int status, String reason, String contentType, Content content) {
    return new Response(status, reason, List.of(new Field("Content-Type", contentType)), content);
  }

  /** A short plain-text page, for errors: a person reading it with curl learns what went wrong. */
  public static Response page(int status, String reason, String message) {
    String text = status + " " + reason + ": " + message + "\n";
    return of(status, reason, "text/plain; charset=utf-8", Content.text(text));
  }

  public static Response withoutContent(int status, String reason) {
    return new Response(status, reason, List.of(), Content.EMPTY);
  }

  public Response withField(String name, String value) {
    List<Field> more = new ArrayList<>(fields);
    more.add(new Field(name, value));
    return new Response(status, reason, more, content);
  }

  public Response withoutField(String name) {
    List<Field> fewer = new ArrayList<>(fields);
    fewer.removeIf(field -> field.name().equalsIgnoreCase(name));
    return new Response(status, reason, fewer, content);
  }
}
