package dev.wirelab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs after 'package', when the grader-only jar exists. */
class HarnessJarIT {
  @Test
  void graderJarHoldsTheHarnessButNoLabServer() throws IOException {
    try (JarFile jar = new JarFile(HarnessJar.graderJar().toFile())) {
      List<String> names = jar.stream().map(entry -> entry.getName()).toList();
      assertThat(names).contains("dev/wirelab/cli/WirelabCommand.class", "dev/wirelab/api/LabServer.class");
      assertThat(names).noneMatch(name -> name.matches("dev/wirelab/lab\\d\\d/.*"));
      assertThat(names).noneMatch(name -> name.startsWith("dev/wirelab/labs/common/"));
      assertThat(names).doesNotContain("META-INF/wirelab/implementations.properties");
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.wirelab.cli.WirelabCommand");
    }
  }

  @Test
  void copyWithoutDropsExactlyTheNamedEntries(@TempDir Path dir) throws IOException {
    Path copy = dir.resolve("copy.jar");
    HarnessJar.copyWithout(HarnessJar.graderJar(), copy, name -> name.startsWith("dev/wirelab/report/"));

    try (JarFile original = new JarFile(HarnessJar.graderJar().toFile()); JarFile copied = new JarFile(copy.toFile())) {
      List<String> kept = original.stream().map(entry -> entry.getName())
          .filter(name -> !name.startsWith("dev/wirelab/report/")).toList();
      assertThat(copied.stream().map(entry -> entry.getName()).toList()).containsExactlyElementsOf(kept);
      assertThat(copied.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.wirelab.cli.WirelabCommand");
      assertThat(Files.size(copy)).isLessThan(Files.size(HarnessJar.graderJar()));
    }
  }
}
