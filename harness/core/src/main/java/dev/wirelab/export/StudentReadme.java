package dev.wirelab.export;

import dev.wirelab.grade.HiddenTally;
import dev.wirelab.grade.Lab;
import dev.wirelab.grade.LabCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The student edition's README, from its template: the labs table and hidden-check list name only the
 * labs handed out, and the paragraph on labs/common is there only when labs/common is.
 *
 * <pre>
 * &#64;labs-table&#64;            the rows of the repository README's "## The labs" table for these labs
 * &#64;hidden-checks&#64;         "- lab01: 1 hidden check (4 points)", one line per lab that has some
 * &#64;first-lab&#64;             the first lab handed out, as "lab01", for the first command to run
 * &#64;with-labs-common&#64;...   a line kept (without its prefix) only when labs/common is exported
 * </pre>
 */
final class StudentReadme {
  private static final String WITH_LABS_COMMON = "@with-labs-common@";
  /** The lab folder a table row links to: {@code [lab02-chunked](labs/lab02-chunked/README.md)}. */
  private static final Pattern LAB_FOLDER = Pattern.compile("\\(labs/(lab\\d\\d-[^/)]+)/");

  private final Path repository;
  private final List<String> labs;
  private final boolean withLabsCommon;

  /** {@code labs} are folder names ({@code lab01-content-length}) in course order. */
  StudentReadme(Path repository, List<String> labs, boolean withLabsCommon) {
    if (labs.isEmpty()) throw new IllegalArgumentException("expected at least one lab but there were none");
    this.repository = repository;
    this.labs = labs;
    this.withLabsCommon = withLabsCommon;
  }

  String fill(String template) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String line : template.split("\n", -1)) {
      if (line.startsWith(WITH_LABS_COMMON)) {
        if (!withLabsCommon) continue;
        line = line.substring(WITH_LABS_COMMON.length());
      }
      text.append(line).append('\n');
    }
    text.setLength(text.length() - 1);
    return text.toString()
        .replace("@labs-table@", labsTable())
        .replace("@hidden-checks@", hiddenChecks())
        .replace("@first-lab@", shortName(labs.get(0)));
  }

  static String shortName(String labFolder) {
    return labFolder.substring(0, labFolder.indexOf('-'));
  }

  /** The labs table of the repository's README, as it is (one place to keep it up to date), less other labs' rows. */
  private String labsTable() throws IOException {
    List<String> lines = Files.readAllLines(repository.resolve("README.md"));
    int heading = lines.indexOf("## The labs");
    if (heading < 0) throw new IllegalArgumentException("expected a \"## The labs\" section in README.md but there was none");
    List<String> table = new ArrayList<>();
    for (String line : lines.subList(heading + 1, lines.size())) {
      if (line.startsWith("|")) table.add(line);
      else if (!table.isEmpty()) break;
    }
    if (table.isEmpty()) throw new IllegalArgumentException("expected a table under \"## The labs\" in README.md but there was none");
    return String.join("\n", table.stream().filter(this::keepsRow).toList());
  }

  private boolean keepsRow(String row) {
    Matcher folder = LAB_FOLDER.matcher(row);
    return !folder.find() || labs.contains(folder.group(1));
  }

  /** One line per lab handed out with hidden checks: how many, and what they are worth. */
  private String hiddenChecks() {
    StringBuilder lines = new StringBuilder();
    for (Lab lab : LabCatalog.all()) {
      HiddenTally hidden = lab.hiddenTally();
      if (hidden.isEmpty() || !labs.contains(lab.name())) continue;
      lines.append("- ").append(shortName(lab.name())).append(": ").append(hidden.describe()).append('\n');
    }
    return lines.toString().stripTrailing();
  }
}
