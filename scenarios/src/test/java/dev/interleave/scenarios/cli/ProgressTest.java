package dev.interleave.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the progress line says, and the rule that shares a time budget. */
class ProgressTest {
  static final Map<String, String> COUNTED = Map.of("interleave.explored", "30",
      "interleave.planned", "100", "interleave.findings", "0", "interleave.elapsedMillis", "10000");
  static final Map<String, String> TIMED = Map.of("interleave.explored", "30",
      "interleave.findings", "1", "interleave.elapsedMillis", "10000",
      "interleave.budgetMillis", "60000");

  @Test
  void aCountedRunShowsDoneOfTotalRateFindingsAndEta() {
    assertThat(Progress.describe(COUNTED))
        .isEqualTo("30/100 schedules, 3.0/s, 0 findings, ETA 23 s");
  }

  @Test
  void aTimedRunShowsElapsedOfBudgetAndTheTimeLeft() {
    assertThat(Progress.describe(TIMED))
        .isEqualTo("30 schedules, 10.0/60.0 s, 3.0/s, 1 findings, ETA 50 s");
  }

  @Test
  void onATerminalTheLineIsRedrawnInPlaceElseEveryIntervalALine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress terminal = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8),
        true, 2, 0);
    terminal.starting("com.acme.CounterTest#lostUpdate");
    terminal.tick(COUNTED);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("\r[1/2] com.acme")
        .contains("\r[1/2] com.acme.CounterTest#lostUpdate 30/100 schedules").doesNotContain("\n");

    bytes.reset();
    Progress log = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 2,
        0);
    log.starting("t");
    log.tick(COUNTED);
    log.finished("t", "PASSED", 1500);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(String.format(
        "[1/2] t 30/100 schedules, 3.0/s, 0 findings, ETA 23 s%n[1/2] t PASSED (1.5 s)%n"));

    bytes.reset();
    Progress quiet = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
        1, Duration.ofHours(1).toNanos());
    quiet.starting("t");
    quiet.tick(COUNTED);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void eachTestGetsTheTimeLeftOverTheTestsLeft() {
    assertThat(TargetRuns.share(Duration.ofSeconds(10), 0, 4)).isEqualTo(2500);
    assertThat(TargetRuns.share(Duration.ofSeconds(10), Duration.ofSeconds(4).toNanos(), 3))
        .isEqualTo(2000);
    assertThat(TargetRuns.share(Duration.ofSeconds(10), Duration.ofSeconds(11).toNanos(), 2))
        .isEqualTo(1);
  }
}
