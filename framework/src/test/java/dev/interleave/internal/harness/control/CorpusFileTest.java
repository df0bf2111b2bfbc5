package dev.interleave.internal.harness.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.internal.harness.model.ReplayToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The corpus file: comments, duplicates, parallel saves and the directory it makes. */
@Timeout(60)
class CorpusFileTest {
  @TempDir
  Path dir;

  private static ReplayToken token(int last) {
    return new ReplayToken(7, new int[] {0, 1, last}, new long[] {3});
  }

  @Test
  void commentsAndBlankLinesAreSkippedAndLinesCountFromOne() throws Exception {
    Corpus c = new Corpus(dir.resolve("T#m.tokens"));
    Files.writeString(c.file(), "# header\n\n7:0.1.2:3  # found on a laptop\n");
    assertThat(c.entries()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.token().format()).isEqualTo("7:0.1.2:3");
    });
  }

  @Test
  void aTokenIsSavedOnceInADirectoryMadeForIt() throws Exception {
    Corpus c = new Corpus(dir.resolve("a/b/T#m.tokens"));
    c.save(token(2));
    c.save(token(2));
    assertThat(c.entries()).hasSize(1);
    assertThat(Files.readAllLines(c.file()).get(0)).startsWith("# Regression corpus of T#m");
  }

  @Test
  void parallelSavesLoseNoToken() throws Exception {
    Corpus c = new Corpus(dir.resolve("T#m.tokens"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> saves = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int last = i;
        saves.add(pool.submit(() -> c.save(token(last))));
      }
      for (Future<?> f : saves) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(c.entries()).hasSize(40);
    try (var files = Files.list(dir)) {
      assertThat(files).as("no temporary file left").hasSize(1);
    }
  }
}
