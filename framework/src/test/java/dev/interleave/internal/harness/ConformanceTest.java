package dev.interleave.internal.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.Scenario;
import dev.interleave.internal.harness.report.ReportWriter;
import dev.interleave.report.OutcomeCount;
import dev.interleave.report.ReportJson;
import dev.interleave.report.TestReport;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The harness's conformance suite: each small program of {@link ConformanceFixtures} runs for
 * real (uncontrolled, in parallel, with noise) and under bounded exhaustive control. Every
 * outcome seen for real must be one that control found, and control must find exactly the
 * outcomes the primitive's documented semantics allow: nothing that cannot happen, nothing
 * missed.
 */
@Timeout(600)
class ConformanceTest {

  static Stream<Arguments> programs() {
    return Stream.of(
        Arguments.of(ConformanceFixtures.MutualExclusion.class, Set.of("a<>b<>", "b<>a<>")),
        Arguments.of(ConformanceFixtures.SemaphoreSignal.class, Set.of("release,passed")),
        Arguments.of(ConformanceFixtures.EventPulse.class, Set.of("saw it", "timed out")),
        Arguments.of(ConformanceFixtures.ConditionSignal.class, Set.of("woken", "timed out")),
        Arguments.of(ConformanceFixtures.BarrierArrivals.class,
            Set.of("main 0, child 1", "main 1, child 0")),
        Arguments.of(ConformanceFixtures.QueueOrder.class, Set.of("1,2")),
        Arguments.of(ConformanceFixtures.PipeEof.class, Set.of("x, EOF")),
        Arguments.of(ConformanceFixtures.Termination.class, Set.of("-15", "-15 done", "0 done")),
        Arguments.of(ConformanceFixtures.Grandchildren.class, Set.of("gp 0", "pg 0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void controlFindsExactlyWhatTheRuntimeAllows(Class<?> program, Set<String> allowed)
      throws Exception {
    Set<String> controlled = outcomes(program, "controlled");
    Set<String> real = outcomes(program, "uncontrolled");
    assertThat(controlled).as("outcomes under exhaustive control").isEqualTo(new TreeSet<>(allowed));
    assertThat(controlled).as("outcomes under control, against those seen for real")
        .containsAll(real);
  }

  private static Set<String> outcomes(Class<?> program, String method) throws Exception {
    var events = EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(program, method, Scenario.class.getName()))
        .execute().allEvents();
    assertThat(events.failed().list()).as(program.getSimpleName() + "#" + method + " findings")
        .isEmpty();
    TestReport r = ReportJson.read(Path.of(System.getProperty("interleave.reports.dir",
        "target/interleave-reports")).resolve(ReportWriter.fileName(program.getName(), method)));
    if (method.equals("controlled")) {
      assertThat(r.exhausted()).as("the exhaustive search finished").isTrue();
    }
    Set<String> out = new TreeSet<>();
    for (OutcomeCount o : r.outcomes()) {
      out.add(o.outcome());
    }
    return out;
  }
}
