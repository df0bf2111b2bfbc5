package dev.interleave.scenarios.cli;

import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** Hands the harness's progress entries of a running test to {@link Progress}. */
final class ProgressListener implements TestExecutionListener {
  private final Progress progress;

  ProgressListener(Progress progress) {
    this.progress = progress;
  }

  @Override
  public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
    progress.tick(entry.getKeyValuePairs());
  }
}
