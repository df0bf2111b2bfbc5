/**
 * Static HTML race reports rendered from the harness's JSON results.
 *
 * <p>{@link dev.interleave.reports.html.HtmlReportRenderer} is the {@link
 * dev.interleave.report.ReportRenderer} this module registers; everything else here is its
 * package-private machinery: one class per page or figure, and {@code Html}, which escapes every
 * value written into a page. The style sheet and the finding-kind notes are resources beside these
 * classes.
 */
package dev.interleave.reports.html;
