package dev.wirelab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudentReadmeTest {
  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
  private static final String TEMPLATE = """
      ./wirelab grade @first-lab@
      @labs-table@
      honestly.
      @with-labs-common@`labs/common` holds what Lab 01 teaches
      next.
      @hidden-checks@""";

  @Test
  void onlyTheLabsHandedOutAreListed() throws IOException {
    String readme = new StudentReadme(REPOSITORY, List.of("lab02-chunked", "lab03-keep-alive"), true).fill(TEMPLATE);

    assertThat(readme).startsWith("./wirelab grade lab02\n| lab | what you build | status |\n|---|")
        .contains("[lab02-chunked](labs/lab02-chunked/README.md)", "[lab03-keep-alive](labs/lab03-keep-alive/README.md)")
        .contains("- lab02:", "- lab03:")
        .doesNotContain("lab01-content-length", "lab04-comet", "- lab01:", "- lab04:", "@");
  }

  @Test
  void theLabsCommonLinesGoWithoutLabsCommon() throws IOException {
    String readme = new StudentReadme(REPOSITORY, List.of("lab01-content-length"), false).fill(TEMPLATE);

    assertThat(readme).contains("honestly.\nnext.\n").doesNotContain("labs/common", "lab02-chunked");
  }

  @Test
  void theLabsCommonLinesLoseOnlyTheirPrefixWithLabsCommon() throws IOException {
    String readme = new StudentReadme(REPOSITORY, List.of("lab01-content-length", "lab02-chunked"), true).fill(TEMPLATE);

    assertThat(readme).contains("honestly.\n`labs/common` holds what Lab 01 teaches\nnext.\n");
  }
}
