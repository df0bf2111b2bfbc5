package dev.interleave.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interleave.mp.Children;
import dev.interleave.mp.DictProxy;
import dev.interleave.mp.Manager;
import dev.interleave.mp.ManagerException;
import dev.interleave.mp.Process;
import dev.interleave.mp.Proxy;
import dev.interleave.mp.Queue;
import dev.interleave.mp.QueueProxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A manager's server process killed with {@code kill -9} while a child is blocked in a proxy
 * call: the blocked call fails with {@link ManagerException} in the child, and so does every
 * later call in this process, instead of hanging. Measured: the time from the kill to the
 * child's blocked call failing.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ManagerServerKilledTest {
  private final Children children = new Children();
  private final List<Manager> managers = new ArrayList<>();

  @AfterEach
  void cleanUp() throws InterruptedException {
    children.killAll();
    managers.forEach(Manager::shutdown);
  }

  @Test
  void aBlockedCallAndEveryLaterCallFailWithManagerException() throws Exception {
    List<Long> toFailure = new ArrayList<>();
    int rounds = FaultSize.pick(2, 15);
    for (int r = 0; r < rounds; r++) {
      Manager manager = new Manager().register("server", args -> new ServerPid(), "pid").start();
      managers.add(manager);
      long serverPid = (Long) ((Proxy) manager.create("server")).callMethod("pid");
      QueueProxy<String> managed = manager.queue();
      DictProxy<String, Integer> dict = manager.dict();
      dict.put("before", 1);
      Queue<String> report = new Queue<>();
      Process client = children.start(new Process(FaultTargets::blockOnManager, managed,
          report));
      assertThat(report.get(Children.WAIT)).isEqualTo("ready");
      long killedAt = System.nanoTime();
      ProcessHandle server = ProcessHandle.of(serverPid).orElseThrow();
      assertThat(server.destroyForcibly()).isTrue();
      server.onExit().get(Children.WAIT.toSeconds(), TimeUnit.SECONDS);
      String[] outcome = report.get(Children.WAIT).split(" ");
      assertThat(outcome[0]).as("what ended the child's blocked get").isEqualTo("ManagerException");
      toFailure.add(Long.parseLong(outcome[1]) - killedAt);
      assertThatThrownBy(() -> dict.get("before")).isInstanceOf(ManagerException.class);
      assertThat(Children.exitCodeOf(client)).isZero();
    }
    Figures.report("Manager server killed", "kill to a child's blocked proxy call failing with"
        + " ManagerException: " + Figures.millis(toFailure) + " kills; later calls here failed"
        + " with it too");
  }
}
