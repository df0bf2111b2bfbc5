package dev.interleave.internal.harness.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.harness.Expect;
import dev.interleave.harness.Mode;
import dev.interleave.harness.Strategy;
import dev.interleave.internal.harness.options.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each schedule's temporary directory is its own, and it is gone once the run has ended, with
 * everything the body wrote in it (the deletion itself runs beside the next schedules).
 */
@Timeout(120)
class TempDirsTest {
  private static final List<Path> SEEN = new CopyOnWriteArrayList<>();

  @Test
  void aRunLeavesNoScheduleDirectoryBehind() throws Exception {
    SEEN.clear();
    ScenarioSpec spec = new ScenarioSpec("dirs");
    spec.body(run -> {
      Path dir = run.tempDir();
      assertThat(dir).isEmptyDirectory(); // fresh: no file of an earlier schedule
      SEEN.add(dir);
      Files.writeString(dir.resolve("num.txt"), "1");
      Files.createDirectories(dir.resolve("sub/deeper"));
      Files.writeString(dir.resolve("sub/deeper/more.txt"), "2");
    });
    RunOptions options = new RunOptions(Strategy.RANDOM, Mode.CONTROLLED, 30, 1, 3, 2, 10_000,
        Expect.PASS, true, null, RunOptions.DEFAULT_MAX_STEPS);
    try (WorkerPool pool = new WorkerPool()) {
      Exploration e = new Explorer(pool, spec, options).explore();
      assertThat(e.failure()).isNull();
      assertThat(e.explored()).isEqualTo(30);
    }
    assertThat(SEEN).hasSize(30).doesNotHaveDuplicates()
        .allSatisfy(dir -> assertThat(dir).doesNotExist());
  }

  @Test
  void awaitDeletedReturnsOnceEveryHandedOverDirectoryIsGone() throws Exception {
    List<Path> dirs = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Path dir = Files.createTempDirectory("interleave-run-");
      for (int f = 0; f < 40; f++) {
        Files.writeString(dir.resolve("f" + f + ".txt"), "x");
      }
      dirs.add(dir);
    }
    dirs.forEach(TempDirs::deleteLater);
    TempDirs.awaitDeleted();
    assertThat(dirs).allSatisfy(dir -> assertThat(dir).doesNotExist());
  }
}
