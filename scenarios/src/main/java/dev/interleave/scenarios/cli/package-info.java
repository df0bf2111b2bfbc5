/**
 * The {@code interleave} command line: lists the article's scenarios, runs them under the
 * harness with a summary and an HTML report, replays one schedule, and runs the article's
 * programs.
 */
package dev.interleave.scenarios.cli;
