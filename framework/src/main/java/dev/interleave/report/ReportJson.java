package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apiguardian.api.API;

/**
 * Reads and writes {@link TestReport}s as JSON.
 *
 * <p>The written form is deterministic: properties in record order, map keys sorted, two-space
 * indentation, {@code \n} line ends, null values left out. Reading checks {@code schemaVersion}
 * first, ignores unknown properties and reports every problem as a {@link ReportFormatException}
 * naming the source.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ReportJson {
  private static final String STRING_SOURCE = "<string>";

  private ReportJson() {}

  /**
   * Writes {@code report} to {@code file}, replacing it atomically where the file system can, so
   * that a concurrent reader sees the old content or the new, never a part.
   *
   * @throws IOException if the file cannot be written
   */
  public static void write(TestReport report, Path file) throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(temp, toJson(report), StandardCharsets.UTF_8);
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Reads the report in {@code file}.
   *
   * @throws ReportFormatException if the content is not a readable report; the message names the
   *     file
   * @throws IOException if the file cannot be read
   */
  public static TestReport read(Path file) throws IOException {
    return JsonCodec.parse(Files.readAllBytes(file), file.toString());
  }

  /** The JSON form of {@code report}, ending with a line break. */
  public static String toJson(TestReport report) {
    try {
      return JsonCodec.WRITER.writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write report " + report.testId(), e);
    }
  }

  /**
   * Reads a report from its JSON form.
   *
   * @throws ReportFormatException if {@code json} is not a readable report
   */
  public static TestReport fromJson(String json) {
    return JsonCodec.parse(json.getBytes(StandardCharsets.UTF_8), STRING_SOURCE);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
