package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ProcessMisuseTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  /** Not Serializable on purpose. */
  static final class Unpicklable {
    @Override
    public String toString() {
      return "unpicklable";
    }
  }

  @Test
  void unserializableArgumentFailsAtStartNamingItsClass() {
    Process p = new Process(ChildFixtures::print, "x");
    Process bad = new Process((Unpicklable u) -> System.out.println(u), new Unpicklable());
    var e = assertThrows(IllegalArgumentException.class, bad::start);
    assertThat(e.getMessage()).contains(bad.name()).contains("argument 1")
        .contains(Unpicklable.class.getName()).contains("not Serializable");
    assertEquals(Process.State.NEW, bad.state());
    assertEquals(Process.State.NEW, p.state());
  }

  @Test
  void lambdaCapturingAnUnserializableObjectFailsAtStart() {
    Unpicklable captured = new Unpicklable();
    Process bad = new Process(() -> System.out.println(captured));
    var e = assertThrows(IllegalArgumentException.class, bad::start);
    assertThat(e.getMessage()).contains("the target cannot be serialized")
        .contains(Unpicklable.class.getName());
  }

  @Test
  void lifecycleMisuseIsReportedWithNameAndState() throws Exception {
    Process p = new Process(ChildFixtures::print, "lifecycle");
    var joinEarly = assertThrows(IllegalStateException.class, p::join);
    assertThat(joinEarly.getMessage()).isEqualTo("cannot join " + p.name()
        + " (state NEW): it has not been started");
    assertThrows(IllegalStateException.class, p::pid);
    assertThrows(IllegalStateException.class, p::terminate);
    p.start();
    var twice = assertThrows(IllegalStateException.class, p::start);
    assertThat(twice.getMessage()).isEqualTo("cannot start " + p.name()
        + " (state STARTED): start() may be called once");
    var daemonLate = assertThrows(IllegalStateException.class, () -> p.setDaemon(true));
    assertThat(daemonLate.getMessage()).contains(p.name()).contains("only before start()");
    assertTrue(p.join(WAIT));
    p.close();
    p.close();
    var afterClose = assertThrows(IllegalStateException.class, p::isAlive);
    assertThat(afterClose.getMessage()).isEqualTo("cannot query " + p.name() + " (state CLOSED)");
    assertThrows(IllegalStateException.class, p::join);
    assertThrows(IllegalStateException.class, p::exitCode);
  }

  @Test
  void closingARunningProcessIsRefused() throws Exception {
    Path release = dir.resolve("release");
    Process p = new Process(ChildFixtures::blockUntil, release);
    p.start();
    try {
      var e = assertThrows(IllegalStateException.class, p::close);
      assertThat(e.getMessage()).contains("still running");
    } finally {
      Files.writeString(release, "go");
      assertTrue(p.join(WAIT));
    }
  }

  @Test
  void negativeJoinTimeoutIsRejected() {
    Process p = new Process(ChildFixtures::print, "x");
    var e = assertThrows(IllegalArgumentException.class, () -> p.join(Duration.ofMillis(-5)));
    assertThat(e.getMessage()).contains("PT-0.005S");
  }

  @Test
  void daemonProcessCannotStartChildren() throws Exception {
    Path out = dir.resolve("out");
    Process daemon = new Process(ChildFixtures::startChildFromDaemon, out).setDaemon(true);
    daemon.start();
    assertTrue(daemon.join(WAIT));
    assertThat(Files.readString(out)).contains("daemonic processes are not allowed to have children");
  }

  @Test
  void childJvmThatCannotLaunchReportsCommandExitCodeAndOutput() throws Exception {
    String key = "interleave.child.jvmArgs";
    System.setProperty(key, "-XX:+ThisFlagDoesNotExist");
    Process p;
    try {
      p = new Process(ChildFixtures::print, "never printed");
      ProcessStartException e = assertThrows(ProcessStartException.class, () -> {
        p.start();
        p.join(WAIT);
      });
      assertThat(e.command()).contains("-XX:+ThisFlagDoesNotExist");
      assertThat(e.exitCode()).hasValue(1);
      assertThat(e.outputTail()).contains("ThisFlagDoesNotExist");
      assertThat(e.getMessage()).contains("command:").contains("exit code: 1");
    } finally {
      System.clearProperty(key);
    }
  }
}
