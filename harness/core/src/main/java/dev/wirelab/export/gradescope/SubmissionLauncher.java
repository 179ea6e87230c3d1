package dev.wirelab.export.gradescope;

import dev.wirelab.api.LabLauncher;
import dev.wirelab.api.LabServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Properties;

/**
 * Runs a submission's server as a program, the way the grader's {@code --command} expects:
 * {@code java -cp LAUNCHER:STUDENT_JARS dev.wirelab.export.gradescope.SubmissionLauncher LAB DEFAULT_CLASS}.
 *
 * <p>The class is the one the submission's {@code implementations.properties} names as
 * {@code LAB.starter}, else {@code DEFAULT_CLASS}. It is created here with its no-argument constructor
 * and run by {@link LabLauncher}, rather than through its own {@code main}: a subclass inherits its
 * parent's {@code main}, which would start the parent. The bundle ships this class file on its own,
 * outside the grader jar, so the student's process never has the grader on its class path; it must
 * therefore use nothing but the JDK and wirelab-api (no nested classes either).
 */
public final class SubmissionLauncher {
  static final String IMPLEMENTATIONS = "META-INF/wirelab/implementations.properties";

  private SubmissionLauncher() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 2) fail("expected the arguments LAB DEFAULT_CLASS but was " + args.length + " argument(s)");
    String lab = args[0];
    String className = namedClass(lab + ".starter");
    if (className == null) className = args[1];
    LabServer server = create(className);
    LabLauncher.run(server);
  }

  /** The first value of {@code key} in an implementations.properties on the class path, or null. */
  private static String namedClass(String key) throws IOException {
    Enumeration<URL> files = SubmissionLauncher.class.getClassLoader().getResources(IMPLEMENTATIONS);
    while (files.hasMoreElements()) {
      Properties properties = new Properties();
      try (InputStream in = files.nextElement().openStream()) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      String value = properties.getProperty(key);
      if (value != null && !value.isBlank()) return value.trim();
    }
    return null;
  }

  private static LabServer create(String className) {
    Class<?> type;
    try {
      type = Class.forName(className);
    } catch (ClassNotFoundException e) {
      return fail("expected your server class " + className + " (named in " + IMPLEMENTATIONS
          + ") in your build but it is not there");
    }
    if (!LabServer.class.isAssignableFrom(type)) {
      return fail("expected " + className + " to implement dev.wirelab.api.LabServer but it does not");
    }
    try {
      return (LabServer) type.getDeclaredConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      return fail("expected " + className + " to have a constructor without parameters but it has none");
    } catch (InvocationTargetException e) {
      e.getCause().printStackTrace();
      return fail("expected " + className + "'s constructor to return but it threw " + e.getCause());
    } catch (ReflectiveOperationException e) {
      return fail("cannot create " + className + ": " + e);
    }
  }

  private static LabServer fail(String message) {
    System.err.println("wirelab: " + message);
    System.exit(1);
    return null;
  }
}
