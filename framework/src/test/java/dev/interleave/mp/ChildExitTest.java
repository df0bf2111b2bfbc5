package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child's exit waits for the non-daemon threads its target left running, whether the target
 * returned or threw, as CPython's process bootstrap does ({@code threading._shutdown()} in its
 * {@code finally}); only then does the child exit, with 0 or 1.
 */
@Timeout(60)
class ChildExitTest {

  /** Starts a non-daemon thread that starts another, which writes {@code file} a while later. */
  static void leaveAThread(Path file) {
    Thread outer = new Thread(() -> {
      Thread inner = new Thread(() -> {
        try {
          Thread.sleep(300); // outlives the target and the thread that started it
          Files.writeString(file, "written");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, "late-writer");
      inner.setDaemon(false);
      inner.start();
    }, "starter");
    outer.setDaemon(false);
    outer.start();
  }

  static void leaveAThreadAndThrow(Path file) {
    leaveAThread(file);
    throw new IllegalStateException("the target failed after starting a thread");
  }

  @Test
  void aChildWhoseTargetReturnedExitsOnlyAfterItsNonDaemonThreads(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("late.txt");
    assertThat(exitCodeOf(new Process(ChildExitTest::leaveAThread, file))).hasValue(0);
    assertThat(file).hasContent("written");
  }

  @Test
  void aChildWhoseTargetThrewExitsWithOneOnlyAfterItsNonDaemonThreads(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("late.txt");
    assertThat(exitCodeOf(new Process(ChildExitTest::leaveAThreadAndThrow, file))).hasValue(1);
    assertThat(file).hasContent("written");
  }

  /** Starts {@code p}, waits for its end and returns its exit code; leaves nothing running. */
  private static java.util.OptionalInt exitCodeOf(Process p) throws InterruptedException {
    try {
      p.start();
      assertThat(p.join(Duration.ofSeconds(30))).as("ended within 30 s").isTrue();
      return p.exitCode();
    } finally {
      if (p.isAlive()) {
        p.kill();
        p.join(Duration.ofSeconds(10));
      }
      p.close();
    }
  }

  static void halt(int status) {
    Runtime.getRuntime().halt(status);
  }

  /**
   * A halt runs no shutdown hook, so the child cannot report that it exited: a status that a
   * signal could have given reads as that signal, any other as the exit code it is.
   */
  @Test
  void aHaltedChildReadsAsASignalOnlyInTheSignalsRange() throws Exception {
    int[][] cases = {{3, 3}, {130, -2}};
    for (int[] c : cases) {
      assertThat(exitCodeOf(new Process(ChildExitTest::halt, c[0]))).as("halt(%d)", c[0])
          .hasValue(c[1]);
    }
  }
}
