package dev.wirelab.export.gradescope;

import dev.wirelab.export.ModuleGraph;
import dev.wirelab.export.RootPom;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build a submission is compiled in: the repository's root pom with its module list cut down to the
 * starter and the modules it depends on (harness/api, labs/common), those modules' poms and main sources,
 * and the starter's pom without its sources (the submission brings them). Transforming the real root
 * pom, not writing a new one, keeps plugin and library versions the ones the course was built with.
 */
public final class BuildSkeleton {
  private final Path repository;
  private final String starterModule;
  private final List<String> modules;

  private BuildSkeleton(Path repository, String starterModule, List<String> modules) {
    this.repository = repository;
    this.starterModule = starterModule;
    this.modules = modules;
  }

  public static BuildSkeleton of(Path repository, String starterModule) throws IOException {
    List<String> modules = ModuleGraph.of(repository).withDependencies(List.of(starterModule));
    return new BuildSkeleton(repository, starterModule, modules);
  }

  /** In the root pom's order, the starter among them. */
  public List<String> modules() {
    return modules;
  }

  /** Writes the skeleton's files under {@code prefix} (such as {@code skeleton/}). */
  public void writeTo(BundleZip zip, String prefix) throws IOException {
    zip.file(prefix + "pom.xml", rootPom().getBytes(StandardCharsets.UTF_8));
    Path mavenConfig = repository.resolve(".mvn/maven.config");
    if (Files.isRegularFile(mavenConfig)) zip.file(prefix + ".mvn/maven.config", mavenConfig);
    for (String module : modules) {
      Path moduleDir = repository.resolve(module);
      zip.file(prefix + module + "/pom.xml", moduleDir.resolve("pom.xml"));
      if (module.equals(starterModule)) continue; // the submission's src/ goes here
      Path sources = moduleDir.resolve("src/main");
      if (!Files.isDirectory(sources)) continue;
      List<Path> files;
      try (Stream<Path> walk = Files.walk(sources)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        zip.file(prefix + module + "/" + moduleDir.relativize(file).toString().replace('\\', '/'), file);
      }
    }
  }

  /** The root pom with only this skeleton's modules, and a comment that says where it came from. */
  String rootPom() throws IOException {
    String pom = RootPom.cutDown(repository, modules);
    String comment = "<!-- Written by wirelab's Gradescope export from the course's root pom: only the modules "
        + starterModule + " needs. -->\n";
    int afterDeclaration = pom.startsWith("<?xml") ? pom.indexOf('\n') + 1 : 0;
    return pom.substring(0, afterDeclaration) + comment + pom.substring(afterDeclaration);
  }
}
