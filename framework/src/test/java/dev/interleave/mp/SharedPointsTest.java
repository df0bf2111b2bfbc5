package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.internal.runtime.Points;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every read and write of a shared value or array is a scheduling point, marked as such. */
@Timeout(30)
class SharedPointsTest {
  @AfterEach
  void uninstall() {
    Points.install(null);
  }

  @Test
  void valuesAndArraysReportReadsAndWrites() {
    RawValue<Integer> v = RawValue.of(ValueType.INT, 0);
    Value<Long> locked = Value.of(ValueType.LONG, 0L);
    RawArray<Double> a = RawArray.of(ValueType.DOUBLE, 2);
    SchedulingPointsTest.Recorder recorder = new SchedulingPointsTest.Recorder();
    Points.install(recorder);
    v.set(v.get() + 1);
    v.incrementAndGet();
    a.set(1, a.get(0));
    locked.set(2L);
    Points.install(null);
    assertThat(recorder.ops).containsExactly("READ get", "WRITE set", "WRITE add", "READ get",
        "WRITE set", "ACQUIRE acquire", "WRITE set", "RELEASE release");
  }
}
