package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What blocking needs is loaded when a primitive is created, not within its first wait. */
@Timeout(90)
class FirstBlockingCallTest {
  @TempDir Path dir;

  @Test
  void creatingAPrimitiveLoadsTheParkerBeforeAnyWait() throws Exception {
    Path out = dir.resolve("out.txt");
    java.lang.Process root = RootPrograms.start(out, FirstWaitMain.class);
    try {
      assertThat(root.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(out)).contains("before=false afterCreate=true set=false");
    } finally {
      RootPrograms.killTree(root);
    }
  }
}
