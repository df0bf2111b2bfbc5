package dev.interleave.mp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** The child processes of one test; {@link #killAll()} in {@code @AfterEach} leaves none. */
public final class Children {
  public static final Duration WAIT = Duration.ofSeconds(30);
  private final List<Process> started = new ArrayList<>();

  public Process start(Process p) {
    started.add(p);
    p.start();
    return p;
  }

  /** Joins {@code p} and returns its exit code (failing if it does not exit in time). */
  public static int exitCodeOf(Process p) throws InterruptedException {
    if (!p.join(WAIT)) {
      throw new AssertionError(p + " did not exit within " + WAIT);
    }
    OptionalInt code = p.exitCode();
    return code.orElseThrow();
  }

  public void killAll() throws InterruptedException {
    for (Process p : started) {
      if (p.state() == Process.State.STARTED && p.isAlive()) {
        p.kill();
        p.join(WAIT);
      }
    }
  }
}
