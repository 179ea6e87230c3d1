package dev.wirelab.labs.lab04;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Character references in HTML text, enough to read back what a server escaped. */
final class HtmlText {
  private static final Pattern REFERENCE = Pattern.compile("&(amp|lt|gt|quot|apos|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");

  private HtmlText() {}

  static boolean startsReference(String html, int index) {
    Matcher matcher = REFERENCE.matcher(html);
    return matcher.find(index) && matcher.start() == index;
  }

  static String unescape(String html) {
    Matcher matcher = REFERENCE.matcher(html);
    StringBuilder text = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String replacement = switch (name) {
        case "amp" -> "&";
        case "lt" -> "<";
        case "gt" -> ">";
        case "quot" -> "\"";
        case "apos" -> "'";
        default -> {
          int codePoint = name.startsWith("#x") || name.startsWith("#X")
              ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
          // Not a character: left as it was, so the comparison with the posted text fails plainly.
          yield Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : matcher.group();
        }
      };
      matcher.appendReplacement(text, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(text);
    return text.toString();
  }
}
