package dev.wirelab.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckInfo;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mistakes in a lab's definition that would otherwise only show as odd grading. */
class LabCatalogTest {
  @Test
  void checkIdsAreUniqueAndDependenciesComeEarlier() {
    Set<String> seen = new HashSet<>();
    for (Lab lab : LabCatalog.all()) {
      for (Check check : lab.checks()) {
        CheckInfo info = check.info();
        assertThat(info.dependsOn()).as(info.id() + " depends only on earlier checks").allMatch(seen::contains);
        assertThat(seen.add(info.id())).as("unique id " + info.id()).isTrue();
        assertThat(info.section()).as(info.id() + " names its RFC section")
            .matches("(RFC 9110|RFC 9112|RFC 6202|HTML Standard) .*");
        assertThat(info.explanation()).as(info.id() + " explains itself").isNotBlank();
      }
    }
  }

  @Test
  void labsAreFoundByFullNameOrShortPrefix() {
    assertThat(LabCatalog.find("lab01")).map(Lab::name).contains("lab01-content-length");
    assertThat(LabCatalog.find("lab01-content-length")).isPresent();
    assertThat(LabCatalog.find("lab0")).isEmpty();
    assertThat(LabCatalog.findCheck("cl-03")).map(check -> check.info().id()).contains("CL-03");
  }
}
