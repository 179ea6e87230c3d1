package dev.wirelab.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The root pom of an export (the student edition, a Gradescope build skeleton): the repository's own root
 * pom with only the exported modules, so its versions, dependencyManagement and pluginManagement never
 * drift from the course's. Text is edited in place (not parsed and written back) to keep its comments and
 * layout.
 */
public final class RootPom {
  private static final Pattern MODULES = Pattern.compile("(?s)([ \\t]*)<modules>(.*?)</modules>");
  private static final Pattern MODULE = Pattern.compile("<module>\\s*(.*?)\\s*</module>");
  private static final Pattern DEPENDENCY = Pattern.compile("(?s)\\n[ \\t]*<dependency>(.*?)</dependency>");
  private static final Pattern GROUP_ID = Pattern.compile("<groupId>\\s*(.*?)\\s*</groupId>");
  private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>\\s*(.*?)\\s*</artifactId>");
  private static final String OWN_GROUP = "dev.wirelab";

  private RootPom() {}

  /** The root pom of {@code repository} cut down to {@code modules}, each module's artifactId read from its pom. */
  public static String cutDown(Path repository, List<String> modules) throws IOException {
    Set<String> artifactIds = new LinkedHashSet<>();
    for (String module : modules) {
      artifactIds.add(artifactId(Files.readString(repository.resolve(module).resolve("pom.xml"))));
    }
    return cutDown(Files.readString(repository.resolve("pom.xml")), modules, artifactIds);
  }

  /**
   * {@code rootPom} with {@code <modules>} cut down to {@code modules} (paths as the root pom names them)
   * and without managed dependencies on this project's modules that are not exported ({@code artifactIds}
   * are the exported ones), which would name a reference or the harness to no purpose.
   */
  public static String cutDown(String rootPom, List<String> modules, Set<String> artifactIds) {
    Matcher block = MODULES.matcher(rootPom);
    if (!block.find()) throw new IllegalArgumentException("expected <modules> in the root pom but there was none");
    List<String> listed = MODULE.matcher(block.group(2)).results().map(result -> result.group(1)).toList();
    for (String module : modules) {
      if (!listed.contains(module)) {
        throw new IllegalArgumentException("expected the root pom to list module " + module + " but it lists " + listed);
      }
    }
    String indent = block.group(1);
    StringBuilder kept = new StringBuilder(indent).append("<modules>\n");
    for (String module : listed) {
      if (modules.contains(module)) kept.append(indent).append("  <module>").append(module).append("</module>\n");
    }
    kept.append(indent).append("</modules>");
    String pom = rootPom.substring(0, block.start()) + kept + rootPom.substring(block.end());

    Matcher dependency = DEPENDENCY.matcher(pom);
    StringBuilder out = new StringBuilder();
    while (dependency.find()) {
      String body = dependency.group(1);
      Matcher group = GROUP_ID.matcher(body);
      Matcher artifact = ARTIFACT_ID.matcher(body);
      boolean ours = group.find() && group.group(1).equals(OWN_GROUP);
      boolean dropped = ours && artifact.find() && !artifactIds.contains(artifact.group(1));
      dependency.appendReplacement(out, dropped ? "" : Matcher.quoteReplacement(dependency.group()));
    }
    dependency.appendTail(out);
    return out.toString();
  }

  /** A module's own artifactId: the first one after its {@code <parent>} section. */
  public static String artifactId(String modulePom) {
    int afterParent = modulePom.indexOf("</parent>");
    Matcher artifact = ARTIFACT_ID.matcher(modulePom);
    if (!artifact.find(Math.max(afterParent, 0))) {
      throw new IllegalArgumentException("expected an <artifactId> in a module pom but there was none");
    }
    return artifact.group(1);
  }
}
