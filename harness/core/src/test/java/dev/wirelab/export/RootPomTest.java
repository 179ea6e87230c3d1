package dev.wirelab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** On the repository's real root pom, so a change to it that the transformation misses shows here. */
class RootPomTest {
  private static final Path ROOT = Path.of("../..");
  private static final List<String> MODULES = List.of("harness/api", "labs/common",
      "labs/lab01-content-length/starter", "labs/lab02-chunked/starter");

  @Test
  void keepsOnlyTheExportedModulesInTheirOrder() throws IOException {
    String pom = RootPom.cutDown(rootPom(), MODULES, Set.of("wirelab-api", "lab-common", "lab01-starter", "lab02-starter"));

    assertThat(pom).contains("  <modules>\n"
        + "    <module>harness/api</module>\n"
        + "    <module>labs/common</module>\n"
        + "    <module>labs/lab01-content-length/starter</module>\n"
        + "    <module>labs/lab02-chunked/starter</module>\n"
        + "  </modules>\n");
    assertThat(pom).doesNotContain("solution", "harness/core", "<module>benchmarks</module>", "wirelab-harness",
        "lab04-starter");
  }

  @Test
  void keepsVersionsDependencyAndPluginManagement() throws IOException {
    String original = rootPom();
    String pom = RootPom.cutDown(original, MODULES, Set.of("wirelab-api", "lab-common", "lab01-starter", "lab02-starter"));

    assertThat(pom).contains("<artifactId>wirelab-parent</artifactId>", "<okhttp.version>", "<pluginManagement>",
        "<artifactId>maven-compiler-plugin</artifactId>", "<artifactId>h2</artifactId>",
        "<artifactId>mariadb-java-client</artifactId>", "<artifactId>lab01-starter</artifactId>");
    assertThat(pom.substring(pom.indexOf("<properties>"))).isEqualTo(
        original.substring(original.indexOf("<properties>")).replaceAll(
            "(?s)\\n[ \\t]*<dependency>\\s*<groupId>dev\\.wirelab</groupId>\\s*<artifactId>"
                + "(lab0[34]-starter|lab0\\d-solution|wirelab-harness)</artifactId>.*?</dependency>", ""));
  }

  @Test
  void aModuleTheRootPomDoesNotListIsAnError() {
    assertThatThrownBy(() -> RootPom.cutDown(rootPom(), List.of("labs/lab99/starter"), Set.of()))
        .hasMessageStartingWith("expected the root pom to list module labs/lab99/starter but it lists [harness/api,");
  }

  @Test
  void aModulesArtifactIdIsTheOneAfterItsParent() throws IOException {
    assertThat(RootPom.artifactId(Files.readString(ROOT.resolve("labs/lab01-content-length/starter/pom.xml"))))
        .isEqualTo("lab01-starter");
  }

  private static String rootPom() throws IOException {
    return Files.readString(ROOT.resolve("pom.xml"));
  }
}
