package dev.wirelab.lab04.solution;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/** The query parameters of a request target ({@code ?after=7&timeout=500}); the first of a repeated name wins. */
public final class Query {
  private final Map<String, String> parameters;

  private Query(Map<String, String> parameters) {
    this.parameters = parameters;
  }

  public static Query of(URI requestUri) {
    Map<String, String> parameters = new HashMap<>();
    String raw = requestUri.getRawQuery();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        parameters.putIfAbsent(name, value);
      }
    }
    return new Query(parameters);
  }

  private static String decode(String component) {
    try {
      return URLDecoder.decode(component, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badPercent) {
      return component; // not a number either way; the caller refuses it
    }
  }

  /** The parameter as a whole number from 0 to {@code max}; empty when absent; 400 when it is anything else. */
  public OptionalLong number(String name, long max) throws Rejection {
    String value = parameters.get(name);
    if (value == null) return OptionalLong.empty();
    return OptionalLong.of(number(name, value, max));
  }

  /** A decimal number from 0 to {@code max}, as in {@code after=12} or {@code Last-Event-ID: 12}. */
  public static long number(String name, String value, long max) throws Rejection {
    if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new Rejection(400, "expected " + name + " to be a whole number but was \"" + value + "\"");
    }
    long number = Long.parseLong(value);
    if (number > max) throw new Rejection(400, "expected " + name + " <= " + max + " but was " + number);
    return number;
  }
}
