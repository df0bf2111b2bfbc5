package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What one process of a schedule printed: the end of its standard output and standard error
 * (at most {@value #LIMIT} characters each; an elided beginning is marked).
 *
 * @param process the process's name
 * @param stdout what it printed on {@code System.out}, or empty
 * @param stderr what it printed on {@code System.err}, or empty
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProcessOutput(String process, String stdout, String stderr) {
  /** The most characters kept of each stream. */
  public static final int LIMIT = 16_384;

  /** Checks the arguments; null streams become empty. */
  public ProcessOutput {
    Checks.required("process", process);
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
  }
}
