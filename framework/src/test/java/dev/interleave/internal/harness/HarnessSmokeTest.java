package dev.interleave.internal.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.mp.Process;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class HarnessSmokeTest {

  static class RacyFixture {
    @InterleaveTest(schedules = 200, seed = 7)
    void racy(Scenario s) {
      s.body(run -> {
        Path file = Files.writeString(run.tempDir().resolve("num.txt"), "2");
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          Process p = new Process(Counters::decrement, file);
          p.start();
          ps.add(p);
        }
        for (Process p : ps) {
          p.join();
        }
        run.finalInvariant("counter == 0", () -> Counters.read(file) == 0);
      });
    }
  }

  @Test
  @Timeout(120)
  void racyCounterFails() {
    Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(RacyFixture.class))
        .execute().testEvents();
    events.failed().stream().forEach(e -> System.out.println(
        e.getPayload(org.junit.platform.engine.TestExecutionResult.class).get().getThrowable().get()));
    assertThat(events.failed().count()).isEqualTo(1);
  }
}
