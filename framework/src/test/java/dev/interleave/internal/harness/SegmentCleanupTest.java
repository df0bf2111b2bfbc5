package dev.interleave.internal.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.internal.shm.SharedMemory;
import dev.interleave.mp.Connection;
import dev.interleave.mp.Pipe;
import dev.interleave.mp.Process;
import dev.interleave.mp.Queue;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A schedule's queues and pipes are removed from shared memory when the schedule ends, as its
 * processes' exits would remove them: a JVM that runs many schedules must not keep a megabyte of
 * rings per schedule until it exits.
 */
@Timeout(300)
class SegmentCleanupTest {

  static class Fixture {
    /** Every schedule makes a queue (in main) and a pipe (in a child) and uses both. */
    @InterleaveTest(schedules = 12)
    void queueAndPipe(Scenario s) {
      s.body(run -> {
        Queue<String> q = new Queue<>();
        Process p = new Process(Fixture::child, q);
        p.start();
        p.join();
        String got = q.get();
        run.finalInvariant("the child's pipe worked", () -> "pong".equals(got));
      });
    }

    static void child(Queue<String> q) throws Exception {
      Pipe pipe = Pipe.open();
      try (Connection a = pipe.first(); Connection b = pipe.second()) {
        a.send("pong");
        q.put(b.recv());
      }
    }
  }

  private static long mine() throws IOException {
    String prefix = "interleave-" + ProcessHandle.current().pid() + "-";
    try (Stream<java.nio.file.Path> files = Files.list(SharedMemory.directory())) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).count();
    }
  }

  @Test
  void aScheduleLeavesNoSegmentBehind() throws IOException {
    long before = mine();
    var events = EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(Fixture.class, "queueAndPipe", Scenario.class.getName()))
        .execute().allEvents();
    assertThat(events.failed().list()).as("findings").isEmpty();
    assertThat(events.succeeded().count()).isPositive();
    // twelve schedules made twelve queues here: none is left (a lock of the harness may be)
    assertThat(mine() - before).as("segment files this JVM added").isLessThanOrEqualTo(1);
  }
}
