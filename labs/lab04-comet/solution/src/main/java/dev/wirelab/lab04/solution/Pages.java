package dev.wirelab.lab04.solution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The two HTML pages, kept as files next to this class so they read (and edit) as HTML. */
public final class Pages {
  /** The chat: EventSource on /events, a form that POSTs to /messages. */
  public static final String INDEX = load("index.html");
  /** The forever frame: a hidden iframe on /stream whose paragraphs the page copies. */
  public static final String FRAME = load("frame.html");

  private Pages() {}

  private static String load(String name) {
    try (InputStream in = Pages.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("no resource " + name + " next to " + Pages.class.getName());
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
