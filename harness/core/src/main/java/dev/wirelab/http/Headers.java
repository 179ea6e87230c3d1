package dev.wirelab.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Field lines in arrival order; names compare case-insensitively (RFC 9110 §5.1). */
public final class Headers {
  private final List<HeaderField> fields;

  public Headers(List<HeaderField> fields) {
    this.fields = List.copyOf(fields);
  }

  public List<HeaderField> fields() {
    return fields;
  }

  public List<HeaderField> all(String name) {
    List<HeaderField> matching = new ArrayList<>();
    for (HeaderField field : fields) if (field.hasName(name)) matching.add(field);
    return Collections.unmodifiableList(matching);
  }

  /** The first field of that name. */
  public Optional<HeaderField> field(String name) {
    for (HeaderField field : fields) if (field.hasName(name)) return Optional.of(field);
    return Optional.empty();
  }

  public Optional<String> value(String name) {
    return field(name).map(HeaderField::value);
  }

  public boolean has(String name) {
    return field(name).isPresent();
  }

  /**
   * The comma-separated list elements of every field with that name, trimmed, e.g. {@code Connection:
   * keep-alive, Upgrade} gives both tokens (RFC 9110 §5.6.1).
   */
  public List<String> listValues(String name) {
    List<String> values = new ArrayList<>();
    for (HeaderField field : all(name)) {
      for (String element : field.value().split(",")) {
        String trimmed = element.trim();
        if (!trimmed.isEmpty()) values.add(trimmed);
      }
    }
    return values;
  }

  public boolean hasToken(String name, String token) {
    return listValues(name).stream().anyMatch(token::equalsIgnoreCase);
  }

  public int size() {
    return fields.size();
  }
}
