package dev.interleave.mp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The child processes of one test. Registered as an extension ({@code @RegisterExtension final
 * Children children = new Children();}) it kills what is still running after each test;
 * otherwise call {@link #killAll()} from {@code @AfterEach}.
 */
public final class Children implements AfterEachCallback {
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

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    killAll();
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
