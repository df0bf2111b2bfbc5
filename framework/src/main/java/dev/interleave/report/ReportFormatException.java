package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A report's text is not a report this version can read: malformed or truncated JSON, an
 * unsupported {@code schemaVersion}, or values the model rejects.
 *
 * <p>The message names the source (usually the file) and the problem, for example {@code "Cannot
 * read report target/interleave-reports/a.json: unsupported schemaVersion 2 (this reader supports
 * 1)"}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ReportFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param source where the text came from, usually a file path
   * @param problem what is wrong with it
   * @param cause the parser's exception, or {@code null}
   */
  public ReportFormatException(String source, String problem, Throwable cause) {
    super("Cannot read report " + source + ": " + problem, cause);
    this.source = source;
    this.problem = problem;
  }

  /** Where the text came from, usually a file path. */
  public String source() {
    return source;
  }

  /** What is wrong with the text, without the source. */
  public String problem() {
    return problem;
  }
}
