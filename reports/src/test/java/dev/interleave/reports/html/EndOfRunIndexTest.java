package dev.interleave.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;

/** The framework's session listener finds this renderer and indexes the run when a session ends. */
class EndOfRunIndexTest {
  private static final String DIR_PROPERTY = "interleave.reports.dir";

  @TempDir Path dir;

  @Test
  void closingALauncherSessionRendersTheReportDirectory() throws IOException {
    Fixtures.copy(Fixtures.goodFiles(), dir);
    String previous = System.getProperty(DIR_PROPERTY);
    System.setProperty(DIR_PROPERTY, dir.toString());
    try {
      LauncherSession session = LauncherFactory.openSession();
      session.close();
    } finally {
      restore(previous);
    }

    String index = Files.readString(dir.resolve(IndexPage.FILE_NAME));
    assertEquals(IndexPage.render(RunLoader.load(dir)), index);
    assertTrue(index.contains("com.acme.CounterTest#lostUpdate()"), index);
  }

  private static void restore(String previous) {
    if (previous == null) {
      System.clearProperty(DIR_PROPERTY);
    } else {
      System.setProperty(DIR_PROPERTY, previous);
    }
  }
}
