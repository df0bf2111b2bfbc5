package dev.interleave.report;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks {@code schemaVersion} before anything else is read. */
final class SchemaCheck {
  private SchemaCheck() {}

  static void check(JsonNode tree, String source) {
    if (!tree.isObject()) {
      throw fail(source, "expected a JSON object but was: " + tree.getNodeType());
    }
    JsonNode version = tree.get("schemaVersion");
    if (version == null || version.isNull()) {
      throw fail(source, "missing schemaVersion (this reader supports " + expected() + ")");
    }
    if (!version.isIntegralNumber()) {
      throw fail(source, "schemaVersion must be an integer but was: " + version);
    }
    if (!version.canConvertToInt() || version.intValue() > TestReport.SCHEMA_VERSION
        || version.intValue() < TestReport.OLDEST_READABLE_VERSION) {
      throw fail(
          source,
          "unsupported schemaVersion " + version + " (this reader supports " + expected() + ")");
    }
  }

  private static String expected() {
    return TestReport.OLDEST_READABLE_VERSION + " to " + TestReport.SCHEMA_VERSION;
  }

  private static ReportFormatException fail(String source, String problem) {
    return new ReportFormatException(source, problem, null);
  }
}
