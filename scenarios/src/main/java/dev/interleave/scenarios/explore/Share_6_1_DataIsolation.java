package dev.interleave.scenarios.explore;

import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Process;
import dev.interleave.mp.RawValue;
import dev.interleave.mp.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Article 6.1: a child appends to its copy of the parent's list; in no schedule does the
 * parent's list change, and the child's copy does (it reports the size it saw through a shared
 * value). The list travels as the process's argument: under the harness, worker JVMs are reused
 * from schedule to schedule, so a static field would carry one schedule's changes into the next
 * (the plain article program, {@code interleave article 6.1}, shows the static-field form).
 */
public class Share_6_1_DataIsolation {
  static void work(List<Integer> data, RawValue<Integer> childSize) {
    data.add(4);
    childSize.set(data.size());
  }

  @InterleaveTest(strategy = Strategy.RANDOM, schedules = 20)
  void theParentsListIsUnchanged(Scenario s) {
    s.body(run -> {
      List<Integer> data = new ArrayList<>(List.of(1, 2, 3));
      RawValue<Integer> childSize = RawValue.of(ValueType.INT, 0);
      Process p = new Process(Share_6_1_DataIsolation::work, data, childSize);
      p.start();
      int parentSize = data.size();
      p.join();
      run.finalInvariant("the parent's list is [1, 2, 3]", () -> parentSize == 3
          && data.equals(List.of(1, 2, 3)));
      run.finalInvariant("the child's copy had 4 appended", () -> childSize.get() == 4);
    });
  }
}
