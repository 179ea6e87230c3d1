package dev.wirelab.lab03.solution;

import dev.wirelab.labs.common.RejectedRequest;
import dev.wirelab.labs.common.RequestLine;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What each request gets: Lab 01's /hello, Lab 02's /stream, and /echo and /slow, which exist to test
 * a connection (a request body to read, a response that takes time). Nothing here knows about the
 * connection: how many requests it carries is {@link ReferenceServer}'s business.
 */
public class Resources {
  protected static final String TEXT_PLAIN_UTF8 = "text/plain; charset=utf-8";
  protected static final String OCTET_STREAM = "application/octet-stream";
  protected static final String GET_AND_HEAD = "GET, HEAD";
  protected static final String POST_ONLY = "POST";
  private static final byte[] HELLO = "Hello, 世界\n".getBytes(StandardCharsets.UTF_8);

  /**
   * The response to a whole, well-framed request. A bad query parameter gets a 400 page here, yet the
   * connection may stay: unlike a bad head or body, it leaves no doubt where the next request starts.
   */
  public Response respond(Request request) throws IOException {
    try {
      return route(request);
    } catch (RejectedRequest rejected) {
      return errorPage(rejected.status(), rejected.reason(), rejected.getMessage());
    }
  }

  private Response route(Request request) throws IOException, RejectedRequest {
    RequestLine line = request.line();
    String method = request.method();
    boolean getOrHead = method.equals("GET") || method.equals("HEAD");
    return switch (line.path()) {
      case "/hello" -> getOrHead ? hello() : methodNotAllowed(GET_AND_HEAD);
      case "/stream" -> getOrHead
          ? stream((int) line.queryNumber("count", 5, 1, 1000), line.queryNumber("interval", 1000, 0, 10_000))
          : methodNotAllowed(GET_AND_HEAD);
      case "/slow" -> getOrHead ? slow(line.queryNumber("ms", 1000, 0, 10_000)) : methodNotAllowed(GET_AND_HEAD);
      case "/echo" -> method.equals("POST") ? echo(request.body()) : methodNotAllowed(POST_ONLY);
      default -> notFound(line.path());
    };
  }

  protected Response hello() {
    return Response.of(200, "OK", TEXT_PLAIN_UTF8, Body.of(HELLO));
  }

  /** {@code message 1\n} to {@code message N\n}, each its own chunk, sent the moment it is made. */
  protected Response stream(int count, long intervalMillis) {
    return Response.of(200, "OK", TEXT_PLAIN_UTF8, Body.produced(body -> {
      for (int number = 1; number <= count; number++) {
        if (number > 1) pause(intervalMillis);
        writeMessage(body, "message " + number + "\n");
      }
    }));
  }

  private static void writeMessage(OutputStream body, String message) throws IOException {
    body.write(message.getBytes(StandardCharsets.UTF_8));
    body.flush(); // A chunk in a buffer has not been sent (Lab 02).
  }

  /** Answers after {@code millis}: a response that takes longer than the idle timeout must still arrive. */
  protected Response slow(long millis) throws IOException {
    pause(millis);
    byte[] text = ("slept " + millis + " ms\n").getBytes(StandardCharsets.UTF_8);
    return Response.of(200, "OK", TEXT_PLAIN_UTF8, Body.of(text));
  }

  /** The request body, byte for byte: the proof that it was read whole, however it was framed. */
  protected Response echo(byte[] requestBody) {
    return Response.of(200, "OK", OCTET_STREAM, Body.of(requestBody));
  }

  /** RFC 9110 §15.5.5: a missing resource is a 404; the connection is fine and stays. */
  protected Response notFound(String path) {
    return errorPage(404, "Not Found", "no resource at " + path);
  }

  /** RFC 9110 §15.5.6: a 405 says which methods the resource does support. */
  protected Response methodNotAllowed(String allowed) {
    return errorPage(405, "Method Not Allowed", "this resource supports " + allowed).withField("Allow", allowed);
  }

  /** A short text page with a Content-Length: its length is known before it is sent. */
  protected Response errorPage(int status, String reason, String message) {
    return Response.page(status, reason, message);
  }

  private static void pause(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // The server is closing (ConnectionServer.close interrupts).
      throw new InterruptedIOException("stopped while waiting");
    }
  }
}
