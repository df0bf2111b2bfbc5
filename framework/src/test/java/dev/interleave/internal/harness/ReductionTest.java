package dev.interleave.internal.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.internal.harness.report.ReportWriter;
import dev.interleave.report.OutcomeCount;
import dev.interleave.report.ReportJson;
import dev.interleave.report.TestReport;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Exhaustive search's reduction across real worker JVMs: each scenario is exhausted within a
 * preemption bound with and without it, and without a bound with it; the reduced searches must
 * reach the same outcomes and verdict, the bounded one in fewer schedules.
 */
@Timeout(600)
class ReductionTest {

  private record Search(TestReport report, Set<String> outcomes) {}

  private static Search exhaust(Class<?> fixture, String method, boolean reduce)
      throws Exception {
    return exhaust(fixture, method, reduce, null);
  }

  private static Search exhaust(Class<?> fixture, String method, boolean reduce, Integer bound)
      throws Exception {
    var request = EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(fixture, method, Scenario.class.getName()))
        .configurationParameter(InterleaveProperties.REDUCE, Boolean.toString(reduce));
    if (bound != null) {
      request = request.configurationParameter(InterleaveProperties.PREEMPTION_BOUND,
          bound.toString());
    }
    var events = request.execute().allEvents();
    assertThat(events.failed().count()).as("failed events of %s", method).isZero();
    TestReport r = ReportJson.read(Path.of(System.getProperty("interleave.reports.dir",
        "target/interleave-reports")).resolve(ReportWriter.fileName(fixture.getName(), method)));
    assertThat(r.exhausted()).as("%s exhausted (reduce=%s)", method, reduce).isTrue();
    Set<String> outcomes = new TreeSet<>();
    for (OutcomeCount o : r.outcomes()) {
      outcomes.add(o.outcome());
    }
    return new Search(r, outcomes);
  }

  private static void sameOutcomesInFewerSchedules(Class<?> fixture, String method,
      Set<String> expected) throws Exception {
    sameOutcomesInFewerSchedules(fixture, method, expected, true);
  }

  /**
   * Exhausts {@code method} within its bound with and without the reduction and, if {@code
   * unbounded}, without a bound with it (a scenario whose retries of blocked operations make
   * thousands of classes is left out of that).
   */
  private static void sameOutcomesInFewerSchedules(Class<?> fixture, String method,
      Set<String> expected, boolean unbounded) throws Exception {
    Search full = exhaust(fixture, method, false);
    Search reduced = exhaust(fixture, method, true);
    assertThat(full.outcomes()).isEqualTo(expected);
    assertThat(reduced.outcomes()).as("outcomes of the reduced search").isEqualTo(expected);
    assertThat(reduced.report().schedulesExplored())
        .as("schedules of the reduced search (the full one took %d)",
            full.report().schedulesExplored())
        .isLessThan(full.report().schedulesExplored());
    assertThat(reduced.report().reason())
        .contains("equivalent schedules pruned where the bound allows");
    if (!unbounded) {
      return;
    }
    // without a bound the reduced search covers the whole space: a superset of the bounded one
    Search whole = exhaust(fixture, method, true, InterleaveTest.UNBOUNDED);
    assertThat(whole.outcomes()).as("outcomes of the unbounded reduced search")
        .isEqualTo(expected);
    assertThat(whole.report().reason()).contains("one per class of equivalent schedules");
  }

  @Test
  @DisplayName("a racy counter: the lost update is reached with and without reduction")
  void racyCounter() throws Exception {
    sameOutcomesInFewerSchedules(ReductionFixtures.Counters.class, "racy", Set.of("1", "2"));
  }

  @Test
  @DisplayName("a locked counter: one outcome either way")
  void lockedCounter() throws Exception {
    sameOutcomesInFewerSchedules(ReductionFixtures.Counters.class, "locked", Set.of("2"));
  }

  @Test
  @DisplayName("a pipe's end of stream after two writers exit: both orders either way")
  void pipe() throws Exception {
    // unbounded, main's receive retries after every send and close: over 5,000 classes
    sameOutcomesInFewerSchedules(ReductionFixtures.Channels.class, "pipe", Set.of("ab", "ba"),
        false);
  }

  @Test
  @DisplayName("two producers and a queue: both orders either way")
  void queue() throws Exception {
    sameOutcomesInFewerSchedules(ReductionFixtures.Channels.class, "queue", Set.of("ab", "ba"));
  }

  @Test
  @DisplayName("an outcome that needs two steps of B between two commuting steps of A is reached")
  void noRunningOnThroughCommutingPoints() throws Exception {
    sameOutcomesInFewerSchedules(ReductionFixtures.RunOn.class, "writeAfterRead",
        Set.of("0/1", "0/10", "1/1", "1/11"));
  }

  @Test
  @DisplayName("with no preemption bound, two locked processes are exhausted up to equivalence")
  void unboundedLockedCounter() throws Exception {
    Search reduced = exhaust(ReductionFixtures.Counters.class, "lockedUnbounded", true);
    assertThat(reduced.outcomes()).containsExactly("2");
    assertThat(reduced.report().reason()).contains("one per class of equivalent schedules");
  }

  @Test
  @DisplayName("a scenario with a state invariant is not reduced, and says so")
  void aStateInvariantTurnsTheReductionOff() throws Exception {
    Search full = exhaust(ReductionFixtures.Counters.class, "lockedWithStateInvariant", false);
    Search asked = exhaust(ReductionFixtures.Counters.class, "lockedWithStateInvariant", true);
    assertThat(asked.report().schedulesExplored())
        .isEqualTo(full.report().schedulesExplored());
    assertThat(asked.report().reason()).contains("without reduction (the scenario's checks can"
        + " tell equivalent schedules apart)");
  }

  @Test
  @DisplayName("a scenario that reads the step history is not reduced, and says so")
  void readingTheHistoryTurnsTheReductionOff() throws Exception {
    Search asked = exhaust(ReductionFixtures.HistoryReader.class, "lockedReadingHistory", true);
    assertThat(asked.outcomes()).containsExactly("2");
    assertThat(asked.report().reason()).contains("without reduction (the scenario's checks can"
        + " tell equivalent schedules apart)");
  }
}
