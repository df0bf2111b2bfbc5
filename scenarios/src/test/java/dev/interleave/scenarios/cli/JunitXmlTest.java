package dev.interleave.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JUnit XML of a run: a failure for an unmet expectation, an error for a broken test. */
class JunitXmlTest {
  @TempDir Path dir;

  @Test
  void unmetIsAFailureBrokenIsAnErrorMetIsNeither() throws Exception {
    SummaryRow met = new SummaryRow("a", "PASSED", "PASS", 5, 0, null, 1, 1500, null, "fine",
        null);
    SummaryRow unmet = new SummaryRow("b", "FAILED", "VIOLATION", 5, 0, null, 1, 10, null,
        "expected an invariant violation but none was found in 5 schedules", null);
    SummaryRow broken = SummaryRow.error("c", 1, 10, "it broke <here>");
    Path file = dir.resolve("x/TEST-interleave.xml");
    JunitXml.write(file, List.of(new JunitXml.Case("com.acme.T", "a", met),
        new JunitXml.Case("com.acme.T", "b", unmet), new JunitXml.Case("com.acme.T", "c",
            broken)));
    assertThat(file).content().contains(
        "<testsuite name=\"interleave\" tests=\"3\" failures=\"1\" errors=\"1\" time=\"1.520\">",
        "<testcase classname=\"com.acme.T\" name=\"a\" time=\"1.500\"><system-out>",
        "<failure type=\"FAILED\" message=\"expected an invariant violation but none was found"
            + " in 5 schedules\">",
        "<error type=\"ERROR\" message=\"it broke &lt;here&gt;\">");
  }
}
