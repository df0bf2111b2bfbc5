package dev.interleave.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.report.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The fixtures are written in the canonical form, so reading and writing them changes nothing. */
class FixtureJsonTest {
  @TestFactory
  Stream<DynamicTest> everyGoodFixtureRoundTripsUnchanged() throws IOException {
    return Fixtures.goodFiles().stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> roundTrip(f)));
  }

  private static void roundTrip(Path file) throws IOException {
    String json = Files.readString(file);

    assertEquals(json, ReportJson.toJson(ReportJson.read(file)));
  }
}
