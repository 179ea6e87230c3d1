package dev.wirelab.labs.lab01;

import java.util.Locale;

/** Media type comparison as RFC 9110 §8.3.1 defines it: type, subtype and charset ignore case. */
final class MediaTypes {
  private MediaTypes() {}

  static boolean isTextPlainUtf8(String value) {
    String[] parts = value.split(";");
    if (!parts[0].trim().equalsIgnoreCase("text/plain")) return false;
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
      if (parameter.equals("charset=utf-8") || parameter.equals("charset=\"utf-8\"")) return true;
    }
    return false;
  }
}
