package dev.wirelab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleGraphTest {
  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

  @Test
  void lab01AloneNeedsNoLabsCommon() throws IOException {
    assertThat(ModuleGraph.of(REPOSITORY).withDependencies(List.of("labs/lab01-content-length/starter")))
        .containsExactly("harness/api", "labs/lab01-content-length/starter");
  }

  @Test
  void severalStartersShareTheirDependenciesOnceInRootOrder() throws IOException {
    List<String> modules = ModuleGraph.of(REPOSITORY)
        .withDependencies(List.of("labs/lab02-chunked/starter", "labs/lab01-content-length/starter"));

    assertThat(modules).containsExactly("harness/api", "labs/common", "labs/lab01-content-length/starter",
        "labs/lab02-chunked/starter");
  }

  @Test
  void aModuleTheRootPomDoesNotListIsRefused() {
    assertThatThrownBy(() -> ModuleGraph.of(REPOSITORY).withDependencies(List.of("labs/lab99-nothing/starter")))
        .isInstanceOf(IOException.class).hasMessageContaining("expected labs/lab99-nothing/starter among");
  }
}
