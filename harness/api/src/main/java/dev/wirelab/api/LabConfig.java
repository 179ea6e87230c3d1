package dev.wirelab.api;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A lab's settings. A server started in process gets this object; a server started as a command gets
 * the same settings as environment variables named {@code WIRELAB_<SETTING>}, for example
 * {@code WIRELAB_PORT=8080} and {@code WIRELAB_DOCROOT=/tmp/wirelab-docroot}.
 */
public final class LabConfig {
  public static final String ENV_PREFIX = "WIRELAB_";
  public static final String PORT = "PORT";
  public static final String DOCROOT = "DOCROOT";

  private final Map<String, String> settings;

  private LabConfig(Map<String, String> settings) {
    this.settings = Map.copyOf(settings);
  }

  /** Settings by name without the prefix, e.g. {@code DOCROOT}. */
  public static LabConfig of(Map<String, String> settings) {
    Map<String, String> normalized = new LinkedHashMap<>();
    settings.forEach((name, value) -> normalized.put(name.toUpperCase(Locale.ROOT), value));
    return new LabConfig(normalized);
  }

  /** Reads every {@code WIRELAB_*} variable of this process's environment. */
  public static LabConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  public static LabConfig fromEnvironment(Map<String, String> environment) {
    Map<String, String> settings = new LinkedHashMap<>();
    environment.forEach((name, value) -> {
      if (name.startsWith(ENV_PREFIX)) settings.put(name.substring(ENV_PREFIX.length()), value);
    });
    return new LabConfig(settings);
  }

  /** The same settings as environment variables, for a server started as a command. */
  public Map<String, String> toEnvironment() {
    Map<String, String> environment = new LinkedHashMap<>();
    settings.forEach((name, value) -> environment.put(ENV_PREFIX + name, value));
    return environment;
  }

  public LabConfig with(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(settings);
    copy.put(name.toUpperCase(Locale.ROOT), value);
    return new LabConfig(copy);
  }

  public Optional<String> setting(String name) {
    return Optional.ofNullable(settings.get(name.toUpperCase(Locale.ROOT)));
  }

  /** The port to bind; 0 (any free port) when unset. */
  public int port() {
    return setting(PORT).map(Integer::parseInt).orElse(0);
  }

  /** The folder whose files the server serves; required by labs that serve files. */
  public Path docroot() {
    return setting(DOCROOT)
        .map(Path::of)
        .orElseThrow(() -> new IllegalStateException(ENV_PREFIX + DOCROOT + " is not set"));
  }

  public Map<String, String> settings() {
    return settings;
  }

  @Override
  public String toString() {
    return "LabConfig" + settings;
  }
}
