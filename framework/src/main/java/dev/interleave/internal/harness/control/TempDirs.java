package dev.interleave.internal.harness.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Deletes the temporary directories of ended schedules on a thread of its own: removing a
 * directory and its files took 150-450 µs on this project's machine (ext4), longer than a
 * one-process schedule's controlled steps together. Each schedule makes a directory of its own
 * ({@code interleave-run-*}), so the next one never sees the last one's files, whenever they go.
 * {@link #awaitDeleted} waits for every deletion handed over so far; a run's end calls it, so a
 * run leaves no directory behind.
 */
final class TempDirs {
  private static final ExecutorService DELETER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "interleave-tempdir-deleter");
    t.setDaemon(true);
    return t;
  });
  private static final long AWAIT_SECONDS = 30;

  private TempDirs() {}

  /** Deletes {@code dir} and everything in it, soon. */
  static void deleteLater(Path dir) {
    DELETER.execute(() -> delete(dir));
  }

  /**
   * Waits until the directories handed to {@link #deleteLater} so far are deleted (at most
   * {@value #AWAIT_SECONDS} s: a deletion cannot block on anything but the file system).
   */
  static void awaitDeleted() {
    Future<?> marker = DELETER.submit(() -> { });
    try {
      marker.get(AWAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
      // best effort, as the deletion itself: a leftover temp dir is harmless
    }
  }

  /** Deletes {@code dir} and everything in it, as far as it can. */
  static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | java.io.UncheckedIOException e) {
      // best effort: a leftover temp dir is harmless
    }
  }
}
