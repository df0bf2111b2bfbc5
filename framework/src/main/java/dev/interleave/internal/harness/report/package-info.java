/**
 * Internal: the harness's reports. Mapping an exploration to the report model of {@code
 * dev.interleave.report}, writing one JSON report per test, and rendering the HTML index when a
 * JUnit launcher session ends ({@link
 * dev.interleave.internal.harness.report.ReportSessionListener}, registered as a service).
 *
 * <p>Nothing here is public API; it may change without notice.
 */
package dev.interleave.internal.harness.report;
