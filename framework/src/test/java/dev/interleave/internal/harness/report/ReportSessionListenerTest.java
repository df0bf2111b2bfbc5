package dev.interleave.internal.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.report.ReportRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherSessionListener;

class ReportSessionListenerTest {
  @TempDir Path dir;

  private final List<Path> rendered = new ArrayList<>();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final ReportRenderer recording = (jsonDir, outDir) -> rendered.add(outDir);

  @Test
  void rendersDirectoryHoldingJsonReports() throws IOException {
    Files.writeString(dir.resolve("a.json"), "{}");

    close(dir, () -> Optional.of(recording));

    assertEquals(List.of(dir), rendered);
    assertEquals("", logged());
  }

  @Test
  void doesNothingWithoutJsonReports() throws IOException {
    Files.writeString(dir.resolve("index.html"), "<html>");

    close(dir, () -> Optional.of(recording));
    close(dir.resolve("missing"), () -> Optional.of(recording));

    assertEquals(List.of(), rendered);
    assertEquals("", logged());
  }

  @Test
  void doesNothingWithoutRenderer() throws IOException {
    Files.writeString(dir.resolve("a.json"), "{}");

    close(dir, Optional::empty);

    assertEquals("", logged());
  }

  @Test
  void logsRendererFailureInsteadOfThrowing() throws IOException {
    Files.writeString(dir.resolve("a.json"), "{}");
    ReportRenderer failing =
        (jsonDir, outDir) -> {
          throw new IOException("disk full");
        };

    close(dir, () -> Optional.of(failing));

    assertEquals(
        "WARNING: Interleave could not render the HTML report in "
            + dir
            + ": java.io.IOException: disk full\n",
        logged());
  }

  @Test
  void logsBrokenServiceRegistrationInsteadOfThrowing() throws IOException {
    Files.writeString(dir.resolve("a.json"), "{}");

    close(
        dir,
        () -> {
          throw new ServiceConfigurationError("no such provider");
        });

    assertTrue(logged().contains("ServiceConfigurationError: no such provider"), logged());
  }

  @Test
  void isRegisteredAsLauncherSessionListener() {
    assertTrue(
        ServiceLoader.load(LauncherSessionListener.class).stream()
            .anyMatch(p -> p.type() == ReportSessionListener.class));
  }

  private void close(Path reportDir, Supplier<Optional<ReportRenderer>> renderer) {
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    new ReportSessionListener(() -> reportDir, renderer, out).launcherSessionClosed(null);
  }

  private String logged() {
    return log.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
