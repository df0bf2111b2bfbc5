package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exit statuses as CPython reports them, and terminate() whatever the child's threads hold. */
@Timeout(120)
class ExitStatusTest {
  @RegisterExtension
  final Children children = new Children();

  @ParameterizedTest
  @ValueSource(ints = {129, 130, 143, 192})
  void anExitStatusInTheSignalRangeIsReportedAsAnExitStatus(int status) throws Exception {
    Process p = children.start(new Process(ChildFixtures::exitWith, status));
    assertThat(Children.exitCodeOf(p)).isEqualTo(status);
  }

  static void holdStdoutForever(Event holding) throws InterruptedException {
    Thread holder = new Thread(() -> {
      synchronized (System.out) {
        holding.set();
        try {
          new Event().await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }, "holds-stdout");
    holder.start();
    holder.join();
  }

  @Test
  void terminateEndsAChildWhoseThreadHoldsStdout() throws Exception {
    Event holding = new Event();
    Process p = children.start(new Process(ExitStatusTest::holdStdoutForever, holding));
    assertThat(holding.await(Children.WAIT)).isTrue();
    p.terminate();
    assertThat(Children.exitCodeOf(p)).isEqualTo(-15);
  }

  static void awaitForever(Event started) throws InterruptedException {
    started.set();
    new Event().await();
  }

  @Test
  void aChildInterruptedBySigintReportsTheSignal() throws Exception {
    Event started = new Event();
    Process p = children.start(new Process(ExitStatusTest::awaitForever, started));
    assertThat(started.await(Children.WAIT)).isTrue();
    java.lang.Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
    assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Children.exitCodeOf(p)).isEqualTo(-2);
  }

  @Test
  void aKilledChildReportsSigkill() throws Exception {
    Event started = new Event();
    Process p = children.start(new Process(ExitStatusTest::awaitForever, started));
    assertThat(started.await(Children.WAIT)).isTrue();
    p.kill();
    assertThat(Children.exitCodeOf(p)).isEqualTo(-9);
  }
}
