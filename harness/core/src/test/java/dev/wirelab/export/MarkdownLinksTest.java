package dev.wirelab.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownLinksTest {
  private static final String NOTE = "Lab: [labs/lab03-keep-alive/README.md](../labs/lab03-keep-alive/README.md#settings)."
      + " See [note 01](01-message-framing.md), [RFC 9112](https://www.rfc-editor.org/rfc/rfc9112), [above](#top)"
      + " and ![a chart](img/chart.svg \"title\").";

  @Test
  void relativeTargetsArePathsFromTheRootWithoutAnchors() {
    assertThat(MarkdownLinks.relativeTargets(NOTE, "notes/03-persistent-connections.md"))
        .containsExactly("labs/lab03-keep-alive/README.md", "notes/01-message-framing.md", "notes/img/chart.svg");
  }

  @Test
  void aLinkIntoALeftOutFolderBecomesItsText() {
    String text = MarkdownLinks.unlink(NOTE, "notes/03-persistent-connections.md",
        path -> path.startsWith("labs/lab03-keep-alive/"));

    assertThat(text).startsWith("Lab: labs/lab03-keep-alive/README.md. See [note 01](01-message-framing.md),")
        .contains("[RFC 9112](https://www.rfc-editor.org/rfc/rfc9112)", "[above](#top)");
  }

  @Test
  void linksToWhatIsExportedStayAsTheyAre() {
    assertThat(MarkdownLinks.unlink(NOTE, "notes/03-persistent-connections.md", path -> false)).isEqualTo(NOTE);
  }

  @Test
  void aLinkTextWithDollarsAndBackslashesIsKeptLiterally() {
    String text = MarkdownLinks.unlink("[costs $1 \\o/](../labs/lab02-chunked/README.md)", "notes/README.md",
        path -> true);

    assertThat(text).isEqualTo("costs $1 \\o/");
  }
}
