package dev.wirelab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InstructorMarkersTest {
  @Test
  void aPassageOnItsOwnLinesGoesWithItsLinesAndOneBlankLine() {
    String text = "intro\n\n<!-- instructor -->\n## For instructors\n\nthe reference\n<!-- /instructor -->\n\nafter\n";

    assertThat(InstructorMarkers.strip(text, "README.md")).isEqualTo("intro\n\nafter\n");
  }

  @Test
  void aPassageInsideALineGoesAlone() {
    String text = "Measured (<!-- instructor -->[benchmarks.md](benchmarks.md), <!-- /instructor -->Chromium): yes\n"
        + "| a | b |<!-- instructor -->\n| benchmarks | x |<!-- /instructor -->\n\nnext\n";

    assertThat(InstructorMarkers.strip(text, "notes/README.md"))
        .isEqualTo("Measured (Chromium): yes\n| a | b |\n\nnext\n");
  }

  @Test
  void aPassageAtTheEndOfTheFileLeavesTheTextBeforeIt() {
    assertThat(InstructorMarkers.strip("text\n\n<!-- instructor -->\nsecret\n<!-- /instructor -->\n", "x.md"))
        .isEqualTo("text\n\n");
    assertThat(InstructorMarkers.strip("no markers at all\n", "x.md")).isEqualTo("no markers at all\n");
  }

  @Test
  void unbalancedOrNestedMarkersAreRefusedWithTheirLine() {
    assertThatThrownBy(() -> InstructorMarkers.strip("a\n<!-- instructor -->\nb\n", "lab.md"))
        .hasMessage("expected <!-- /instructor --> after it in lab.md (line 2) but there was none: instructor"
            + " markers come in pairs, not nested");
    assertThatThrownBy(() -> InstructorMarkers.strip("a\nb\n<!-- /instructor -->\n", "lab.md"))
        .hasMessageContaining("expected <!-- instructor --> before it in lab.md (line 3)");
    assertThatThrownBy(() -> InstructorMarkers.strip(
        "<!-- instructor -->\n<!-- instructor -->\n<!-- /instructor -->\n<!-- /instructor -->\n", "lab.md"))
        .hasMessageContaining("(line 2)");
  }
}
