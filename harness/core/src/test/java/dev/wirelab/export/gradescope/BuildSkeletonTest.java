package dev.wirelab.export.gradescope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BuildSkeletonTest {
  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

  @Test
  void lab01StarterNeedsOnlyTheApi() throws IOException {
    BuildSkeleton skeleton = BuildSkeleton.of(REPOSITORY, "labs/lab01-content-length/starter");

    assertThat(skeleton.modules()).containsExactly("harness/api", "labs/lab01-content-length/starter");
  }

  @Test
  void laterStartersBringLabsCommonInRootOrder() throws IOException {
    BuildSkeleton skeleton = BuildSkeleton.of(REPOSITORY, "labs/lab02-chunked/starter");

    assertThat(skeleton.modules()).containsExactly("harness/api", "labs/common", "labs/lab02-chunked/starter");
  }

  @Test
  void rootPomKeepsEverythingButTheOtherModulesAndTheirManagedVersions() throws IOException {
    String original = Files.readString(REPOSITORY.resolve("pom.xml"));
    String pom = BuildSkeleton.of(REPOSITORY, "labs/lab02-chunked/starter").rootPom();

    assertThat(pom).contains("<module>labs/common</module>", "<module>labs/lab02-chunked/starter</module>")
        .doesNotContain("<module>harness/core</module>", "<module>benchmarks</module>",
            "<module>labs/lab02-chunked/solution</module>", "xmlns=\"\"");
    String pluginManagement = between(original, "<pluginManagement>", "</pluginManagement>");
    assertThat(pom).contains(pluginManagement, "<artifactId>okhttp-bom</artifactId>", "<artifactId>h2</artifactId>",
        "<artifactId>lab-common</artifactId>", "<artifactId>lab02-starter</artifactId>");
    // A managed version of a module that is not there would name a reference or the harness to no purpose.
    assertThat(pom).doesNotContain("<artifactId>lab02-solution</artifactId>", "<artifactId>wirelab-harness</artifactId>");
  }

  @Test
  void aStarterTheRootPomDoesNotListIsRefused() {
    assertThatThrownBy(() -> BuildSkeleton.of(REPOSITORY, "labs/lab99-nothing/starter"))
        .isInstanceOf(IOException.class).hasMessageContaining("labs/lab99-nothing/starter");
  }

  private static String between(String text, String start, String end) {
    return text.substring(text.indexOf(start), text.indexOf(end) + end.length());
  }
}
