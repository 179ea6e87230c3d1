package dev.wirelab.grade;

import dev.wirelab.check.Check;
import dev.wirelab.labs.lab01.ContentLengthLab;
import dev.wirelab.labs.lab02.ChunkedLab;
import dev.wirelab.labs.lab03.KeepAliveLab;
import dev.wirelab.labs.lab04.CometLab;
import java.util.List;
import java.util.Optional;

/** Every lab the harness knows, in course order. A new lab is one more line here. */
public final class LabCatalog {
  private static final List<Lab> LABS = List.of(new ContentLengthLab(), new ChunkedLab(), new KeepAliveLab(), new CometLab());

  private LabCatalog() {}

  public static List<Lab> all() {
    return LABS;
  }

  /** By full name ({@code lab01-content-length}) or by its short prefix ({@code lab01}). */
  public static Optional<Lab> find(String name) {
    return LABS.stream()
        .filter(lab -> lab.name().equals(name) || lab.name().startsWith(name + "-"))
        .findFirst();
  }

  public static Optional<Check> findCheck(String id) {
    return LABS.stream()
        .flatMap(lab -> lab.checks().stream())
        .filter(check -> check.info().id().equalsIgnoreCase(id))
        .findFirst();
  }
}
