package dev.wirelab.export;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative links of a Markdown file ({@code [text](../labs/lab03-keep-alive/README.md#settings)}), as
 * paths from the repository's root. An export that leaves a lab out turns links into that lab's folder
 * into their text, so a note that names a lab not handed out yet reads as a plain mention, not a 404.
 */
public final class MarkdownLinks {
  /** An inline link or image, its target up to a space (a title may follow) or the closing parenthesis. */
  private static final Pattern LINK = Pattern.compile("(!?)\\[([^\\]\\n]*)\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

  private MarkdownLinks() {}

  /** The relative link targets of {@code text}, a Markdown file at {@code file}, without their anchors. */
  public static List<String> relativeTargets(String text, String file) {
    return LINK.matcher(text).results().map(link -> target(link.group(3), file)).filter(target -> target != null).toList();
  }

  /** {@code text} with each link whose target {@code unlink} accepts replaced by the link's own text. */
  static String unlink(String text, String file, Predicate<String> unlink) {
    Matcher link = LINK.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (link.find()) {
      String target = target(link.group(3), file);
      boolean dropped = link.group(1).isEmpty() && target != null && unlink.test(target);
      link.appendReplacement(out, Matcher.quoteReplacement(dropped ? link.group(2) : link.group()));
    }
    link.appendTail(out);
    return out.toString();
  }

  /** The path from the repository root a relative {@code href} in {@code file} names; null when not relative. */
  private static String target(String href, String file) {
    if (href.startsWith("#") || href.startsWith("/") || SCHEME.matcher(href).matches()) return null;
    int anchor = href.indexOf('#');
    String path = anchor < 0 ? href : href.substring(0, anchor);
    Path folder = Path.of(file).getParent();
    Path resolved = (folder == null ? Path.of(path) : folder.resolve(path)).normalize();
    return resolved.toString().replace('\\', '/');
  }
}
