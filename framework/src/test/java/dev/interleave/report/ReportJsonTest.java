package dev.interleave.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {
  @TempDir Path dir;

  @Test
  void stringRoundTripPreservesEveryField() {
    TestReport report = SampleReports.racyCounter();

    String json = ReportJson.toJson(report);

    assertEquals(report, ReportJson.fromJson(json));
    assertEquals(json, ReportJson.toJson(ReportJson.fromJson(json)));
  }

  @Test
  void fileRoundTripLeavesNoTemporaryFiles() throws IOException {
    Path file = dir.resolve("nested/racy.json");
    TestReport report = SampleReports.racyCounter();

    ReportJson.write(report, file);
    ReportJson.write(report, file);

    assertEquals(report, ReportJson.read(file));
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void writesSchemaVersionFirstLowerCaseModeAndSortedParameters() {
    String json = ReportJson.toJson(SampleReports.racyCounter());

    assertTrue(json.startsWith("{\n  \"schemaVersion\": 2,\n  \"testId\": "), json);
    assertTrue(json.contains("\"mode\": \"controlled\""), json);
    assertTrue(json.contains("{\n    \"alpha\": \"x\",\n    \"depth\": \"2\"\n  }"), json);
    assertTrue(json.endsWith("}\n"), json);
  }

  @Test
  void omitsNullsOnWriteAndReadsOmittedValuesAsNull() {
    String json = ReportJson.toJson(SampleReports.racyCounter());

    assertFalse(json.contains("null"), json);
    assertFalse(json.contains("counterexample"), json);
    FindingReport finding = ReportJson.fromJson(json).findings().get(0);
    assertNull(finding.nearestPassing());
    assertNull(finding.threadDump());
  }

  @Test
  void readsOmittedNumbersAsZeroAndOmittedListsAsEmpty() {
    TestReport report =
        ReportJson.fromJson("{\"schemaVersion\": 1, \"testId\": \"t\", \"verdict\": \"ERROR\"}");

    assertEquals(0, report.seed());
    assertEquals(List.of(), report.findings());
    assertEquals(Map.of(), report.strategyParams());
  }

  @Test
  void toleratesUnknownPropertiesAtEveryLevel() {
    String json =
        ReportJson.toJson(SampleReports.racyCounter())
            .replace("\"schemaVersion\": 2,", "\"schemaVersion\": 2, \"futureField\": [1, {}],")
            .replace("\"preemption\": true,", "\"preemption\": true, \"vectorClock\": \"1:2\",");

    assertEquals(SampleReports.racyCounter(), ReportJson.fromJson(json));
  }

  @Test
  void unknownSchemaVersionNamesFileAndBothVersions() throws IOException {
    Path file = dir.resolve("future.json");
    String json = ReportJson.toJson(SampleReports.racyCounter());
    Files.writeString(file, json.replace("\"schemaVersion\": 2", "\"schemaVersion\": 3"));

    ReportFormatException e = assertThrows(ReportFormatException.class, () -> read(file));

    assertEquals(
        "Cannot read report " + file + ": unsupported schemaVersion 3 (this reader supports 1 to 2)",
        e.getMessage());
    assertEquals(file.toString(), e.source());
  }

  @Test
  void versionOneFilesReadWithTheFieldsVersionTwoAddedAbsent() {
    TestReport r = ReportJson.fromJson("{\"schemaVersion\": 1, \"testId\": \"t\","
        + " \"verdict\": \"FAILED\", \"findings\": [{\"kind\": \"INVARIANT\","
        + " \"summary\": \"s\", \"shrunk\": {\"decisions\": \"1\", \"steps\": [{\"index\": 0,"
        + " \"process\": \"P\", \"op\": \"USER\", \"preemption\": true}]}}]}");

    assertEquals(null, r.environment());
    assertEquals(null, r.findings().get(0).replay());
    TraceStep step = r.findings().get(0).shrunk().steps().get(0);
    assertEquals(StepKind.OPERATION, step.kind());
    assertEquals(List.of(), r.findings().get(0).shrunk().inputs());
  }

  @Test
  void missingSchemaVersionIsRefused() {
    ReportFormatException e =
        assertThrows(ReportFormatException.class, () -> parse("{\"testId\": \"x\"}"));

    assertEquals("missing schemaVersion (this reader supports 1 to 2)", e.problem());
    assertEquals("<string>", e.source());
  }

  @Test
  void truncatedFileNamesFileAndPosition() throws IOException {
    Path file = dir.resolve("truncated.json");
    String json = ReportJson.toJson(SampleReports.racyCounter());
    Files.writeString(file, json.substring(0, json.length() / 2));

    ReportFormatException e = assertThrows(ReportFormatException.class, () -> read(file));

    String prefix = "Cannot read report " + file + ": truncated JSON";
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    String problem = "truncated JSON \\(unexpected end of input at line \\d+, column \\d+\\)";
    assertTrue(e.problem().matches(problem), e.problem());
  }

  @Test
  void emptyFileIsRefused() throws IOException {
    Path file = dir.resolve("empty.json");
    Files.writeString(file, "");

    ReportFormatException e = assertThrows(ReportFormatException.class, () -> read(file));

    assertEquals("empty file, expected a JSON object", e.problem());
  }

  @Test
  void malformedJsonNamesPosition() {
    ReportFormatException e =
        assertThrows(ReportFormatException.class, () -> parse("{\"schemaVersion\": 1,,}"));

    assertTrue(e.problem().startsWith("malformed JSON at line 1, column 21: "), e.problem());
  }

  @Test
  void unknownEnumValueNamesThePath() {
    String json = sampleJson().replace("\"INVARIANT\"", "\"RACE\"");

    ReportFormatException e = assertThrows(ReportFormatException.class, () -> parse(json));

    assertTrue(e.problem().startsWith("invalid report at $.findings[0].kind: "), e.problem());
  }

  @Test
  void rejectedValueNamesThePathAndTheRule() {
    String json = sampleJson().replace("\"count\": 35", "\"count\": -1");

    ReportFormatException e = assertThrows(ReportFormatException.class, () -> parse(json));

    assertEquals(
        "invalid report at $.outcomes[0]: count cannot be negative but was: -1", e.problem());
  }

  @Test
  void trailingGarbageIsMalformed() {
    String json = sampleJson() + "}";

    ReportFormatException e = assertThrows(ReportFormatException.class, () -> parse(json));

    assertTrue(e.problem().startsWith("malformed JSON"), e.problem());
  }

  private static String sampleJson() {
    return ReportJson.toJson(SampleReports.racyCounter());
  }

  private static TestReport parse(String json) {
    return ReportJson.fromJson(json);
  }

  private static TestReport read(Path file) throws IOException {
    return ReportJson.read(file);
  }
}
