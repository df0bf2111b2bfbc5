/**
 * The command line: {@link dev.interleave.reports.cli.RenderReport} re-renders HTML from saved
 * report JSON.
 */
package dev.interleave.reports.cli;
