package dev.wirelab.report;

import dev.wirelab.grade.GradeReport;
import java.io.IOException;
import java.io.Writer;

/** Renders a grading run in one format. Formats are picked by name on the command line. */
public interface ReportWriter {
  /** The {@code --format} name: {@code text}, {@code json}, ... */
  String format();

  void write(GradeReport report, Writer out) throws IOException;
}
