package dev.interleave.internal.harness;

import dev.interleave.internal.harness.Problem.WaitEdge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the cross-process wait-for graph of a schedule in which every live process blocks. */
final class Deadlocks {
  private Deadlocks() {}

  /**
   * The deadlock of {@code procs}; a blocked operation's holder is the one it reported, else the
   * one the controller saw acquire the object last.
   */
  static Problem of(List<Proc> procs, Map<String, Set<String>> holders) {
    List<WaitEdge> edges = new ArrayList<>();
    for (Proc p : procs) {
      if (p.status == Proc.Status.BLOCKED) {
        Set<String> seen = holders.getOrDefault(p.pending.object(), Set.of());
        String holder = !seen.isEmpty() ? String.join(",", seen)
            : p.pending.holder() != null ? p.pending.holder() : "?";
        holder = "MainProcess".equals(holder) ? "main" : holder;
        edges.add(new WaitEdge(p.name, p.pending.object(), holder));
      }
    }
    List<WaitEdge> cycle = cycle(edges);
    List<WaitEdge> shown = cycle.isEmpty() ? edges : cycle;
    StringBuilder sb = new StringBuilder("deadlock: ");
    for (int i = 0; i < shown.size(); i++) {
      WaitEdge e = shown.get(i);
      sb.append(i == 0 ? "" : "; ").append(e.process()).append(" waits for ").append(e.object())
          .append(" held by ").append(e.heldBy());
    }
    return new Problem(Problem.Kind.DEADLOCK, null, sb.toString(), shown, null, null, null);
  }

  /** The first cycle through the edges (process → holder), or empty. */
  static List<WaitEdge> cycle(List<WaitEdge> edges) {
    Map<String, WaitEdge> out = new HashMap<>();
    for (WaitEdge e : edges) {
      out.putIfAbsent(e.process(), e);
    }
    for (WaitEdge start : edges) {
      Set<String> seen = new LinkedHashSet<>();
      String at = start.process();
      while (out.containsKey(at) && seen.add(at)) {
        at = out.get(at).heldBy();
      }
      if (at.equals(start.process()) && seen.size() > 0) {
        List<WaitEdge> cycle = new ArrayList<>();
        for (String p : seen) {
          cycle.add(out.get(p));
        }
        return cycle;
      }
    }
    return List.of();
  }
}
