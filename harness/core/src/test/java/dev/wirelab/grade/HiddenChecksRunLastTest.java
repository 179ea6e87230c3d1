package dev.wirelab.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.check.Visibility;
import dev.wirelab.target.InProcessTarget;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server that records a hidden check's requests must have no later visible check to echo them into:
 * students read visible diagnostics. So an instructor's run takes the hidden checks after all others.
 */
class HiddenChecksRunLastTest {
  @Test
  void everyHiddenCheckRunsAfterEveryVisibleOne() throws IOException {
    Lab lab = LabCatalog.find("lab01").orElseThrow(); // CL-16 is hidden; CL-17 to CL-21 are not
    String reference = Implementations.load().className(lab.name(), "reference").orElseThrow();

    GradeReport report = new Grader(GradeOptions.defaults().withIncludeHidden(true))
        .grade(lab, new InProcessTarget(reference));

    List<Visibility> order = report.results().stream().map(result -> result.info().visibility()).toList();
    assertThat(order).contains(Visibility.HIDDEN).contains(Visibility.VISIBLE);
    assertThat(order.subList(order.indexOf(Visibility.HIDDEN), order.size())).containsOnly(Visibility.HIDDEN);
    assertThat(report.fullMarks()).as("dependencies still come first").isTrue();
  }
}
