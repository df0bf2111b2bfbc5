package dev.interleave.internal.harness.control;

import dev.interleave.harness.History;
import dev.interleave.internal.harness.model.Step;
import dev.interleave.internal.harness.model.Trace;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** The public view of a schedule's steps, for trace invariants. */
final class Histories {
  private Histories() {}

  /** The steps of {@code t}; those in {@code blocked} could not proceed. */
  static History of(Trace t, BitSet blocked) {
    List<History.Step> out = new ArrayList<>(t.steps().size());
    for (Step s : t.steps()) {
      String who = s.process() < t.processes().size() ? t.processes().get(s.process())
          : "#" + s.process();
      out.add(new History.Step(s.index(), who, s.op(), s.object(), s.label(),
          blocked.get(s.index()), s.timer()));
    }
    return History.of(out);
  }
}
