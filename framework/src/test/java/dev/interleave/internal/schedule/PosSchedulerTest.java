package dev.interleave.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.harness.Interleave;
import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.PointHandler;
import dev.interleave.internal.runtime.Points;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** POS's dependency relation and priority resets. */
class PosSchedulerTest {

  private static Candidate op(int p, String object, boolean read) {
    return new Candidate(p, read ? "QUERY" : "USER", object, null, false, read);
  }

  private static Candidate timer(int p, String object) {
    return new Candidate(p, object == null ? "SLEEP" : "ACQUIRE", object, null, true, false);
  }

  @Test
  void twoOperationsRaceOnlyOnOneStateWithAWrite() {
    assertThat(Dependency.races(op(1, "key:a", true), op(2, "key:a", true))).isFalse();
    assertThat(Dependency.races(op(1, "key:a", true), op(2, "key:a", false))).isTrue();
    assertThat(Dependency.races(op(1, "key:a", false), op(2, "key:a", false))).isTrue();
    assertThat(Dependency.races(op(1, "key:a", false), op(2, "key:b", false))).isFalse();
    assertThat(Dependency.races(op(1, "key:a", false), op(1, "key:a", false))).isFalse();
    assertThat(Dependency.races(op(1, "pipe#1:0", false), op(2, "pipe#1:1", false))).isTrue();
  }

  @Test
  void aPointWithoutStateRacesWithEverythingAndASleepsEndWithNothing() {
    assertThat(Dependency.races(op(1, null, false), op(2, "key:b", true))).isTrue();
    assertThat(Dependency.races(timer(1, null), op(2, null, false))).isFalse();
    assertThat(Dependency.races(timer(1, "lock#1"), op(2, "lock#1", false))).isTrue();
    assertThat(Dependency.races(timer(1, "lock#1"), op(2, "lock#1", true))).isFalse();
  }

  @Test
  void aReadKeepsTheOtherReadersPrioritiesAndResetsTheWriters() {
    int checked = 0;
    for (int seed = 0; seed < 200; seed++) {
      PosScheduler pos = new PosScheduler(new RecordedRandom(seed));
      List<Candidate> c = List.of(op(0, "key:x", true), op(1, "key:x", true),
          op(2, "key:x", false), op(3, "key:y", false));
      int pick = pos.pick(new StepView(0, -1, c));
      if (pick != 0) {
        continue;
      }
      checked++;
      assertThat(pos.priority(0)).as("the runner's next operation is new").isNull();
      assertThat(pos.priority(1)).as("another read of x").isNotNull();
      assertThat(pos.priority(2)).as("a write of x").isNull();
      assertThat(pos.priority(3)).as("a write of y").isNotNull();
    }
    assertThat(checked).isGreaterThan(20);
  }

  @Test
  void aKeyedPointNamesItsStateSoThatPointsOnOtherKeysDoNotRace() {
    List<String> objects = new ArrayList<>();
    Points.install(new Recording(objects));
    try {
      Interleave.point("read num.txt", Path.of("num.txt"));
      Interleave.point("just a label");
    } finally {
      Points.install(null);
    }
    assertThat(objects).containsExactly("key:num.txt", null);
    Candidate a = new Candidate(1, "USER", objects.get(0), "read num.txt");
    assertThat(Dependency.races(a, new Candidate(2, "USER", "key:other.txt", "w"))).isFalse();
    assertThat(Dependency.races(a, new Candidate(2, "USER", objects.get(0), "w"))).isTrue();
    assertThat(Dependency.races(a, new Candidate(2, "USER", objects.get(1), "w"))).isTrue();
  }

  /** Records the object of every point. */
  private record Recording(List<String> objects) implements PointHandler {
    @Override
    public void point(Op op, String object, String label) {
      objects.add(object);
    }

    @Override
    public boolean controlsBlocking() {
      return false;
    }

    @Override
    public boolean await(Op op, String object, String label, BooleanSupplier attempt,
        long timeoutNanos, String holder) {
      return attempt.getAsBoolean();
    }

    @Override
    public void sleep(long nanos) {}
  }
}
