package dev.wirelab.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wirelab.check.Check;
import dev.wirelab.check.CheckInfo;
import dev.wirelab.check.Visibility;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The full harness: every lab's declared hidden tally matches the hidden checks it loads, and those come
 * from its one LabNNHiddenChecks class, so a student edition that drops that class drops all of them.
 */
class HiddenChecksTest {
  private static final Map<String, HiddenTally> EXPECTED = Map.of(
      "lab01-content-length", new HiddenTally(1, 4),
      "lab02-chunked", new HiddenTally(2, 4),
      "lab03-keep-alive", new HiddenTally(1, 2),
      "lab04-comet", HiddenTally.NONE);

  @Test
  void eachLabDeclaresExactlyTheHiddenChecksItLoads() {
    for (Lab lab : LabCatalog.all()) {
      assertThat(HiddenTally.of(lab.checks())).as(lab.name() + ": declared vs loaded").isEqualTo(lab.hiddenTally());
      assertThat(lab.hiddenTally()).as(lab.name()).isEqualTo(EXPECTED.get(lab.name()));
    }
  }

  @Test
  void everyHiddenCheckComesFromItsLabsHiddenChecksClass() {
    for (Lab lab : LabCatalog.all()) {
      List<String> hiddenIds = lab.checks().stream().map(Check::info)
          .filter(info -> info.visibility() == Visibility.HIDDEN).map(CheckInfo::id).toList();
      String simpleName = "Lab" + lab.name().substring(3, 5) + "HiddenChecks";
      List<String> loadedIds = HiddenCheckGroup.load(lab.getClass(), simpleName).stream()
          .map(check -> check.info().id()).toList();
      assertThat(loadedIds).as(lab.name() + "'s " + simpleName).containsExactlyInAnyOrderElementsOf(hiddenIds);
    }
  }

  @Test
  void visibleAndHiddenPointsMakeOneHundred() {
    for (Lab lab : LabCatalog.all()) {
      int visible = lab.checks().stream().map(Check::info).filter(info -> info.visibility() == Visibility.VISIBLE)
          .mapToInt(CheckInfo::points).sum();
      assertThat(visible + lab.hiddenTally().points()).as(lab.name()).isEqualTo(100);
    }
  }

  @Test
  void noVisibleCheckDependsOnAHiddenOne() {
    for (Lab lab : LabCatalog.all()) {
      List<String> hiddenIds = lab.checks().stream().map(Check::info)
          .filter(info -> info.visibility() == Visibility.HIDDEN).map(CheckInfo::id).toList();
      lab.checks().stream().map(Check::info).filter(info -> info.visibility() == Visibility.VISIBLE)
          .forEach(info -> assertThat(info.dependsOn()).as(info.id() + " runs without hidden checks")
              .noneMatch(hiddenIds::contains));
    }
  }

  @Test
  void anAbsentClassMeansNoHiddenChecks() {
    Lab lab = LabCatalog.find("lab04").orElseThrow();
    assertThat(HiddenCheckGroup.load(lab.getClass(), "Lab04HiddenChecks")).isEmpty();
  }

  @Test
  void aClassThatIsNotHiddenChecksIsAnError() {
    Lab lab = LabCatalog.find("lab01").orElseThrow();
    assertThatThrownBy(() -> HiddenCheckGroup.load(lab.getClass(), "Lab01Fixtures"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expected dev.wirelab.labs.lab01.Lab01Fixtures to be a HiddenCheckGroup");
  }

  @Test
  void tallyDescribesItselfForReports() {
    assertThat(new HiddenTally(1, 2).describe()).isEqualTo("1 hidden check (2 points)");
    assertThat(new HiddenTally(2, 4).minus(new HiddenTally(1, 2))).isEqualTo(new HiddenTally(1, 2));
    assertThat(HiddenTally.NONE.isEmpty()).isTrue();
  }
}
