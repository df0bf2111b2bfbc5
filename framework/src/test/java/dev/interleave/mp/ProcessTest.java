package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ProcessTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() throws InterruptedException {
    for (Process p : started) {
      if (p.state() == Process.State.STARTED && p.isAlive()) {
        p.kill();
        p.join(WAIT);
      }
    }
  }

  private Process track(Process p) {
    started.add(p);
    return p;
  }

  @Test
  void childWorksOnCopiesOfItsArguments() throws Exception {
    Path out = dir.resolve("out");
    List<String> list = new ArrayList<>(List.of("parent"));
    Process p = track(new Process(ChildFixtures::mutateAndReport, list, out));
    p.start();
    assertTrue(p.join(WAIT));
    assertEquals(OptionalInt.of(0), p.exitCode());
    assertEquals("parent,added-in-child", Files.readString(out));
    assertEquals(List.of("parent"), list, "the parent's list is untouched");
  }

  @Test
  void childKnowsItsNamePidAndParent() throws Exception {
    Path out = dir.resolve("out");
    Process p = track(new Process(ChildFixtures::describeSelf, out));
    assertThat(p.name()).matches("Process-\\d+");
    p.start();
    p.join(WAIT);
    String[] parts = Files.readString(out).split(" ");
    assertEquals(p.name(), parts[0]);
    assertEquals(Long.toString(p.pid()), parts[1]);
    assertEquals(Long.toString(ProcessHandle.current().pid()), parts[2]);
    assertEquals("false", parts[3]);
  }

  @Test
  void subclassWithConstructorArgumentsRunsItsOwnRun() throws Exception {
    Path out = dir.resolve("out");
    Process p = track(new Greeter(out, "arg1", "arg2"));
    p.start();
    p.join(WAIT);
    assertEquals(OptionalInt.of(0), p.exitCode());
    assertEquals(p.pid() + " arg1 arg2", Files.readString(out));
  }

  static final class Greeter extends Process {
    private final String file;
    private final String a1;
    private final String a2;

    Greeter(Path file, String a1, String a2) {
      super();
      this.file = file.toString();
      this.a1 = a1;
      this.a2 = a2;
    }

    @Override
    public void run() throws Exception {
      ChildFixtures.publish(Path.of(file), pid() + " " + a1 + " " + a2);
    }
  }

  @Test
  void exitCodeIsOneWhenTheTargetThrowsAndTheTraceReachesStderr() throws Exception {
    var captured = new java.io.ByteArrayOutputStream();
    var original = System.err;
    System.setErr(new java.io.PrintStream(captured, true, "UTF-8"));
    try {
      Process p = track(new Process(ChildFixtures::fail, "boom-from-child"));
      p.start();
      p.join(WAIT);
      assertEquals(OptionalInt.of(1), p.exitCode());
    } finally {
      System.setErr(original);
    }
    String err = captured.toString("UTF-8");
    assertThat(err).contains("Process Process-").contains("IllegalStateException: boom-from-child")
        .contains("ChildFixtures.fail");
  }

  @Test
  void exitCodeOfSystemExitIsReported() throws Exception {
    Process p = track(new Process(ChildFixtures::exitWith, 7));
    p.start();
    p.join(WAIT);
    assertEquals(OptionalInt.of(7), p.exitCode());
  }

  @Test
  void killAndTerminateReportNegativeSignalNumbers() throws Exception {
    Path never = dir.resolve("never");
    Process killed = track(new Process(ChildFixtures::blockUntil, never));
    Process terminated = track(new Process(ChildFixtures::blockUntil, never));
    killed.start();
    terminated.start();
    assertTrue(killed.isAlive());
    assertEquals(OptionalInt.empty(), killed.exitCode());
    killed.kill();
    terminated.terminate();
    assertTrue(killed.join(WAIT));
    assertTrue(terminated.join(WAIT));
    assertFalse(killed.isAlive());
    assertEquals(OptionalInt.of(-9), killed.exitCode());
    assertEquals(OptionalInt.of(-15), terminated.exitCode());
  }

  @Test
  void joinWithTimeoutReturnsFalseWhileTheChildRuns() throws Exception {
    Path release = dir.resolve("release");
    Process p = track(new Process(ChildFixtures::blockUntil, release));
    p.start();
    assertFalse(p.join(Duration.ofMillis(100)));
    assertTrue(p.isAlive());
    Files.writeString(release, "go");
    assertTrue(p.join(WAIT));
    assertEquals(OptionalInt.of(0), p.exitCode());
  }

  @Test
  void childOutputAppearsOnTheParentsStdoutBeforeJoinReturns() throws Exception {
    var captured = new java.io.ByteArrayOutputStream();
    var original = System.out;
    System.setOut(new java.io.PrintStream(captured, true, "UTF-8"));
    try {
      Process p = track(new Process(ChildFixtures::print, "子进程开始运行:10……"));
      p.start();
      p.join(WAIT);
    } finally {
      System.setOut(original);
    }
    assertThat(captured.toString("UTF-8")).contains("子进程开始运行:10……");
  }

  @Test
  void warmJvmsRunTargetsLikeColdOnes() throws Exception {
    Process.warmUp(1);
    Path out = dir.resolve("out");
    Process p = track(new Process(ChildFixtures::describeSelf, out));
    p.start();
    assertTrue(p.join(WAIT));
    assertEquals(OptionalInt.of(0), p.exitCode());
    assertThat(Files.readString(out)).startsWith(p.name() + " " + p.pid() + " ");
    assertThrows(IllegalArgumentException.class, () -> Process.warmUp(-1));
  }

  @Test
  void activeChildrenListsRunningChildrenOnly() throws Exception {
    Path release = dir.resolve("release");
    Process p = track(new Process(ChildFixtures::blockUntil, release));
    p.start();
    assertThat(Process.activeChildren()).contains(p);
    Files.writeString(release, "go");
    p.join(WAIT);
    assertThat(Process.activeChildren()).doesNotContain(p);
  }
}
