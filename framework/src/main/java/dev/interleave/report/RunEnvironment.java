package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * When and where a test ran.
 *
 * @param startedAt the start as an ISO-8601 instant, for example {@code
 *     "2026-01-31T12:00:00Z"}
 * @param java the JVM's version and vendor, for example {@code "17.0.12 (Eclipse Adoptium)"}
 * @param os the operating system's name, version and architecture
 * @param cores the processors available to the JVM
 * @param interleaveVersion Interleave's version, or {@code null} if unknown
 * @param commit the version-control commit of the code under test, or {@code null} if unknown
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RunEnvironment(
    String startedAt,
    String java,
    String os,
    int cores,
    String interleaveVersion,
    String commit) {

  /** Checks the arguments. */
  public RunEnvironment {
    Checks.nonNegative("cores", cores);
  }
}
