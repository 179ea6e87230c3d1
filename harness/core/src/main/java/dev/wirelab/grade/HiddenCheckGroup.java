package dev.wirelab.grade;

import dev.wirelab.check.Check;
import dev.wirelab.check.Visibility;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * A lab's hidden checks, all in one class per lab so that a student edition can leave them out by
 * dropping that class from the jar. The class sits in its lab's package (package-private helpers stay
 * usable), is named {@code LabNNHiddenChecks}, has a public no-argument constructor, and the lab loads
 * it with {@link #load(Class, String)}.
 *
 * <p>Found by name, not through {@link java.util.ServiceLoader}: a student jar is made by deleting
 * class files, and a services file would have to be edited in step (a stale entry is an error when
 * loading). A class that is not there is simply not loaded; the lab's {@link HiddenTally} still says how
 * many checks are missing and what they are worth.
 */
public interface HiddenCheckGroup {
  /** Each of them built with {@code .hidden()}. */
  List<Check> checks();

  /**
   * The hidden checks of the lab {@code labClass}, from the class {@code simpleName} in the same package;
   * none when that class is absent (a student edition).
   */
  static List<Check> load(Class<? extends Lab> labClass, String simpleName) {
    String className = labClass.getPackageName() + "." + simpleName;
    Class<?> found;
    try {
      found = Class.forName(className, true, labClass.getClassLoader());
    } catch (ClassNotFoundException absent) {
      return List.of();
    }
    try {
      List<Check> checks = ((HiddenCheckGroup) found.getDeclaredConstructor().newInstance()).checks();
      for (Check check : checks) {
        if (check.info().visibility() != Visibility.HIDDEN) {
          throw new IllegalStateException("expected only hidden checks in " + className + " but " + check.info().id()
              + " is visible");
        }
      }
      return List.copyOf(checks);
    } catch (ClassCastException | ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException invocation ? invocation.getCause() : e;
      throw new IllegalStateException("expected " + className + " to be a HiddenCheckGroup with a public no-argument"
          + " constructor but loading it failed: " + cause, cause);
    }
  }
}
