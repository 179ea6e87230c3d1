package dev.wirelab.report;

import dev.wirelab.check.Level;
import dev.wirelab.grade.CheckResult;
import dev.wirelab.grade.CheckStatus;
import dev.wirelab.grade.GradeReport;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as Maven Surefire writes it, for CI test-report viewers: one {@code <testsuite>} for the
 * lab, one {@code <testcase>} per check (classname = the lab, name = "ID title"). A failed check has a
 * {@code <failure>}, a check that broke an {@code <error>}, a check not run {@code <skipped>}; a
 * warning passes with its diagnostic in {@code <system-out>}. Bodies carry the text report's words.
 *
 * <pre>
 * &lt;testsuite name="lab01-content-length" tests="20" failures="9" errors="0" skipped="6" time="3.104" ...&gt;
 *   &lt;properties&gt;&lt;property name="lab" value="lab01-content-length"/&gt; ... &lt;/properties&gt;
 *   &lt;testcase classname="lab01-content-length" name="CL-03 Content-Length counts bytes" time="0.012"&gt;
 *     &lt;failure message="expected ... but was ..." type="RFC 9110 §8.6"&gt;expected ...&lt;/failure&gt;
 *   &lt;/testcase&gt;
 * &lt;/testsuite&gt;
 * </pre>
 */
public final class JunitReportWriter implements ReportWriter {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC);
  private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

  @Override
  public String format() {
    return "junit";
  }

  @Override
  public void write(GradeReport report, Writer out) throws IOException {
    try {
      XMLStreamWriter xml = factory.createXMLStreamWriter(new NonClosingWriter(out));
      xml.writeStartDocument("UTF-8", "1.0");
      newline(xml, 0);
      writeSuite(xml, report);
      newline(xml, 0);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("could not write the junit report: " + e.getMessage(), e);
    }
    out.flush();
  }

  private void writeSuite(XMLStreamWriter xml, GradeReport report) throws XMLStreamException {
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", XmlText.attribute(report.lab()));
    xml.writeAttribute("tests", Integer.toString(report.results().size()));
    xml.writeAttribute("failures", Long.toString(report.count(CheckStatus.FAILED)));
    xml.writeAttribute("errors", Long.toString(report.count(CheckStatus.ERROR)));
    xml.writeAttribute("skipped", Long.toString(report.count(CheckStatus.NOT_RUN)));
    xml.writeAttribute("time", seconds(report.durationMillis()));
    xml.writeAttribute("timestamp", TIMESTAMP.format(report.startedAt().truncatedTo(ChronoUnit.SECONDS)));

    newline(xml, 1);
    xml.writeStartElement("properties");
    writeProperty(xml, "lab", report.lab());
    writeProperty(xml, "labTitle", report.labTitle());
    writeProperty(xml, "target", report.target());
    writeProperty(xml, "seed", Long.toString(report.seed()));
    writeProperty(xml, "points", report.pointsEarned() + "/" + report.pointsPossible());
    writeProperty(xml, "hiddenChecksNotRun", Integer.toString(report.hiddenChecks()));
    newline(xml, 1);
    xml.writeEndElement();

    for (CheckResult result : report.results()) writeCase(xml, report.lab(), result);

    // Suite-level output as in the JUnit/Ant format: why nothing ran, and what the server said.
    if (report.startupError() != null) {
      newline(xml, 1);
      xml.writeStartElement("system-err");
      xml.writeCharacters(XmlText.clean("The server could not be started or reached: " + report.startupError()
          + (report.serverLog() == null || report.serverLog().isBlank() ? "" : "\n" + report.serverLog())));
      xml.writeEndElement();
    }
    newline(xml, 0);
    xml.writeEndElement();
  }

  private void writeProperty(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    newline(xml, 2);
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", XmlText.attribute(value));
  }

  private void writeCase(XMLStreamWriter xml, String lab, CheckResult result) throws XMLStreamException {
    newline(xml, 1);
    boolean passed = result.status() == CheckStatus.PASSED;
    if (passed) xml.writeEmptyElement("testcase");
    else xml.writeStartElement("testcase");
    xml.writeAttribute("name", XmlText.attribute(result.id() + " " + result.info().title()));
    xml.writeAttribute("classname", XmlText.attribute(lab));
    xml.writeAttribute("time", seconds(result.durationMillis()));
    if (passed) return;
    String details = CheckDetails.plainText(result);
    switch (result.status()) {
      case FAILED -> writeProblem(xml, "failure", message(result), section(result), details);
      case ERROR -> writeProblem(xml, "error", message(result), "check error", details);
      case NOT_RUN -> {
        newline(xml, 2);
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", XmlText.attribute(result.note() == null ? "not run" : result.note()));
      }
      case WARNING -> {
        newline(xml, 2);
        xml.writeStartElement("system-out");
        xml.writeCharacters(XmlText.clean("WARN (a recommendation, no points)\n" + details));
        xml.writeEndElement();
      }
    }
    newline(xml, 1);
    xml.writeEndElement();
  }

  private void writeProblem(XMLStreamWriter xml, String element, String message, String type, String details)
      throws XMLStreamException {
    newline(xml, 2);
    xml.writeStartElement(element);
    xml.writeAttribute("message", XmlText.attribute(message));
    xml.writeAttribute("type", XmlText.attribute(type));
    xml.writeCharacters(XmlText.clean(details));
    xml.writeEndElement();
  }

  /** The one line a report viewer lists next to the test's name. */
  private static String message(CheckResult result) {
    if (result.diagnostic() != null) return result.diagnostic().message();
    return result.note() == null ? result.status().name().toLowerCase(Locale.ROOT) : result.note();
  }

  /** Surefire puts the exception class here; the nearest thing a check has is the rule it rests on. */
  private static String section(CheckResult result) {
    String section = result.diagnostic() != null ? result.diagnostic().section() : result.info().section();
    String level = result.info().level() == Level.CONTRACT ? " (lab contract)" : "";
    return section == null || section.isBlank() ? "check failed" : section + level;
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** StAX writes no whitespace of its own; this keeps the file readable for a person too. */
  private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
  }
}
