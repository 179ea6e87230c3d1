package dev.wirelab.grade;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The lab servers on the class path, by role. Each lab module lists its own in
 * {@code META-INF/wirelab/implementations.properties}:
 *
 * <pre>
 * lab01-content-length.starter = dev.wirelab.lab01.ContentLengthServer
 * lab01-content-length.reference = dev.wirelab.lab01.solution.ReferenceServer
 * lab01-content-length.mutant.length-in-chars = dev.wirelab.lab01.solution.mutants.LengthInChars
 * lab01-content-length.mutant.length-in-chars.catches = CL-03
 * </pre>
 *
 * The harness never compiles against a lab server, so a student edition is the same harness without
 * the solution jar, and its mutants and reference simply are not found.
 */
public final class Implementations {
  static final String RESOURCE = "META-INF/wirelab/implementations.properties";

  /** A mutant: a reference with one classic bug, and the check that must catch it. */
  public record Mutant(String name, String className, String caughtBy, String description) {}

  private final Map<String, String> entries;

  private Implementations(Map<String, String> entries) {
    this.entries = entries;
  }

  public static Implementations load() {
    return load(Implementations.class.getClassLoader());
  }

  public static Implementations load(ClassLoader loader) {
    Map<String, String> entries = new LinkedHashMap<>();
    try {
      Enumeration<URL> resources = loader.getResources(RESOURCE);
      while (resources.hasMoreElements()) {
        Properties properties = new Properties();
        try (InputStream in = resources.nextElement().openStream()) {
          properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        properties.stringPropertyNames().stream().sorted()
            .forEach(key -> entries.put(key, properties.getProperty(key).trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Implementations(entries);
  }

  /** The class for {@code starter}, {@code reference} or {@code mutant.NAME} of a lab. */
  public Optional<String> className(String lab, String role) {
    return Optional.ofNullable(entries.get(lab + "." + role));
  }

  /**
   * Correct servers written differently from the reference ({@code <lab>.variant.NAME = class}): the kit
   * proves the checks give each of them full marks, so a check cannot demand the reference's style.
   */
  public Map<String, String> variants(String lab) {
    String prefix = lab + ".variant.";
    Map<String, String> variants = new LinkedHashMap<>();
    entries.forEach((key, value) -> {
      if (key.startsWith(prefix)) variants.put(key.substring(prefix.length()), value);
    });
    return variants;
  }

  public List<Mutant> mutants(String lab) {
    String prefix = lab + ".mutant.";
    List<Mutant> mutants = new ArrayList<>();
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      String key = entry.getKey();
      if (!key.startsWith(prefix)) continue;
      String name = key.substring(prefix.length());
      if (name.contains(".")) continue;
      mutants.add(new Mutant(name, entry.getValue(),
          entries.getOrDefault(key + ".catches", ""), entries.getOrDefault(key + ".description", "")));
    }
    return mutants;
  }
}
