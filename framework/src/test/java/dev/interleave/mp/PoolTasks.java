package dev.interleave.mp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Task functions the pool tests send to workers. */
final class PoolTasks {
  private PoolTasks() {}

  static int square(int x) {
    return x * x;
  }

  static long pid(int ignored) {
    return ProcessHandle.current().pid();
  }

  static int failOn(int x) {
    if (x == 3) {
      throw new IllegalStateException("three is not allowed");
    }
    return x;
  }

  static int checked(int x) throws IOException {
    throw new IOException("disk says no to " + x);
  }

  /** Kills its own worker with SIGKILL when {@code x} is the victim; a slow square otherwise. */
  static int dieOn(int x, int victim) throws Exception {
    if (x == victim) {
      Runtime.getRuntime().exec(new String[] {"kill", "-9",
          Long.toString(ProcessHandle.current().pid())}).waitFor();
      Thread.sleep(10_000);
    }
    return x * x;
  }

  static void failInit(String word) {
    throw new IllegalArgumentException("initializer says " + word);
  }

  static int exitOn(int x) {
    if (x == 2) {
      System.exit(7);
    }
    return x;
  }

  /**
   * Task 0 writes its worker's pid to {@code dir/started} and waits (for a kill that never lets
   * it finish); the others square their argument.
   */
  static int stallFirst(String dir, int x) throws Exception {
    if (x == 0) {
      Path started = Path.of(dir, "started");
      Files.writeString(Path.of(dir, "started.tmp"), Long.toString(ProcessHandle.current().pid()));
      Files.move(Path.of(dir, "started.tmp"), started);
      Thread.sleep(60_000);
    }
    return x * x;
  }

  static int putSquare(Queue<Integer> q, int x) throws InterruptedException {
    q.put(x * x);
    return x;
  }

  static int sleepThenSquare(int x) throws InterruptedException {
    Thread.sleep(30_000);
    return x * x;
  }

  /** Blocks until {@code release} exists, first creating {@code started}. */
  static int waitForFile(Path started, Path release) throws Exception {
    Files.writeString(started, Long.toString(ProcessHandle.current().pid()));
    while (!Files.exists(release)) {
      Thread.sleep(5);
    }
    return 1;
  }

  /** An exception that cannot be serialized (its field is not serializable). */
  static final class Unsendable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    @SuppressWarnings("unused")
    private final transient Object ok = new Object();
    private final Object bad = new Object();

    Unsendable(String message) {
      super(message);
    }
  }

  static int throwUnsendable(int x) {
    throw new Unsendable("cannot travel " + x);
  }
}
