/**
 * The report model: what one {@code @InterleaveTest} run found, as immutable records, and its JSON
 * form.
 *
 * <p>The harness writes one {@link dev.interleave.report.TestReport} per test as a JSON file with
 * {@link dev.interleave.report.ReportJson#write}; a {@link dev.interleave.report.ReportRenderer},
 * found with {@link java.util.ServiceLoader}, turns a directory of such files into HTML. The JSON
 * carries {@code "schemaVersion": 2} ({@link dev.interleave.report.TestReport#SCHEMA_VERSION});
 * readers also read version 1, with the fields version 2 added absent.
 * Within one schema version readers ignore properties they do not know, so fields may be added;
 * removing or changing the meaning of a field needs a new version, which older readers refuse with
 * a {@link dev.interleave.report.ReportFormatException}.
 *
 * <p>This package is the only user of the JSON library; the records do not expose it.
 */
package dev.interleave.report;
