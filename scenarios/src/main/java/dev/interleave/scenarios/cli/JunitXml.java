package dev.interleave.scenarios.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run's tests as a JUnit XML report (one {@code testsuite}, one {@code testcase} per test),
 * which CI systems show: a test that did not meet its expectation is a {@code failure}, one
 * that broke before its verdict an {@code error}.
 */
final class JunitXml {
  /** The file name in the report directory, as CI globs ({@code TEST-*.xml}) expect. */
  static final String FILE = "TEST-interleave.xml";

  private JunitXml() {}

  /**
   * One test.
   *
   * @param className the test class's binary name
   * @param method the test method's name
   * @param row its summary
   */
  record Case(String className, String method, SummaryRow row) {}

  static void write(Path file, List<Case> cases) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(w);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", "interleave");
      x.writeAttribute("tests", Integer.toString(cases.size()));
      x.writeAttribute("failures", Long.toString(cases.stream()
          .filter(c -> !c.row().met() && !isError(c.row())).count()));
      x.writeAttribute("errors", Long.toString(cases.stream().filter(c -> isError(c.row()))
          .count()));
      x.writeAttribute("time", seconds(cases.stream().mapToLong(c -> c.row().elapsedMillis())
          .sum()));
      for (Case c : cases) {
        testcase(x, c);
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + file, e);
    }
  }

  private static void testcase(XMLStreamWriter x, Case c) throws XMLStreamException {
    SummaryRow r = c.row();
    x.writeStartElement("testcase");
    x.writeAttribute("classname", c.className());
    x.writeAttribute("name", c.method());
    x.writeAttribute("time", seconds(r.elapsedMillis()));
    if (!r.met()) {
      x.writeStartElement(isError(r) ? "error" : "failure");
      x.writeAttribute("type", r.verdict());
      x.writeAttribute("message", r.reason() == null ? r.verdict() : r.reason());
      x.writeEndElement();
    }
    x.writeStartElement("system-out");
    x.writeCharacters(String.format(Locale.ROOT, "%s: %s, expected %s, %d schedules, %d"
        + " violations, seed %d%s%n", r.scenario(), r.verdict(), r.expected(), r.schedules(),
        r.violations(), r.seed(), r.replay() == null ? "" : ", replay " + r.replay()));
    x.writeEndElement();
    x.writeEndElement();
  }

  private static boolean isError(SummaryRow r) {
    return r.verdict().equals("ERROR");
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
