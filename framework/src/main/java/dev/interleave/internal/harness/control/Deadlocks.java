package dev.interleave.internal.harness.control;

import dev.interleave.internal.harness.model.Problem.WaitEdge;
import dev.interleave.internal.harness.model.Problem;
import dev.interleave.report.FindingKind;
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
   * The deadlock of {@code procs}, in which no process can run and no timer is pending. A
   * blocked operation's holder is the one it reported, else the one the controller saw acquire
   * the object last; an operation that waits for something to happen (an event to be set, a
   * condition to be notified, an item to arrive) has no holder. A cycle of holders is reported
   * as one; otherwise the blocked processes are listed as what they are, a chain.
   */
  static Problem of(List<Proc> procs, Map<String, Set<String>> holders) {
    List<WaitEdge> edges = new ArrayList<>();
    for (Proc p : procs) {
      if (p.status == Proc.Status.BLOCKED) {
        edges.add(new WaitEdge(p.name, p.pending.object(), holder(p, holders)));
      }
    }
    List<WaitEdge> cycle = cycle(edges);
    StringBuilder sb = new StringBuilder("deadlock: ");
    sb.append(cycle.isEmpty() ? "every live process is blocked: " : "a wait-for cycle: ");
    List<WaitEdge> shown = cycle.isEmpty() ? edges : cycle;
    for (int i = 0; i < shown.size(); i++) {
      sb.append(i == 0 ? "" : "; ").append(describe(shown.get(i), procs));
    }
    return new Problem(FindingKind.DEADLOCK, null, sb.toString(), shown, null, null, null);
  }

  /**
   * The cycle through {@code from} of processes each blocked, with no timer, on an {@code RLock}
   * that the next one holds, or null. Only an RLock's owner can release it, so such a cycle is
   * final the moment it closes, even while other processes still run (a {@code Lock} may be
   * released by any process, so a cycle of Locks is only final when nothing can run). Holders
   * are what the primitive itself reported when the wait blocked.
   */
  static Problem rlockCycle(List<Proc> procs, Proc from) {
    Map<String, WaitEdge> out = new HashMap<>();
    for (Proc p : procs) {
      String holder = p.status == Proc.Status.BLOCKED && p.deadline() < 0
          && "ACQUIRE".equals(p.pending.op()) && p.pending.object() != null
          && p.pending.object().startsWith("rlock#") ? ownerName(p.pending.holder(), procs) : null;
      if (holder != null) {
        out.put(p.name, new WaitEdge(p.name, p.pending.object(), holder));
      }
    }
    List<WaitEdge> cycle = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String at = from.name;
    while (out.containsKey(at) && seen.add(at)) {
      cycle.add(out.get(at));
      at = out.get(at).heldBy();
    }
    if (cycle.isEmpty() || !at.equals(from.name)) {
      return null;
    }
    StringBuilder sb = new StringBuilder("deadlock: a wait-for cycle of RLocks (final: only an"
        + " RLock's owner can release it, whatever the other processes do): ");
    for (int i = 0; i < cycle.size(); i++) {
      sb.append(i == 0 ? "" : "; ").append(describe(cycle.get(i), procs));
    }
    return new Problem(FindingKind.DEADLOCK, null, sb.toString(), cycle, null, null, null);
  }

  /** The process named by a mutex's holder description ({@code "pid 123"}), or null. */
  private static String ownerName(String description, List<Proc> procs) {
    if (description == null || !description.startsWith("pid ")) {
      return null;
    }
    long pid;
    try {
      pid = Long.parseLong(description.substring(4).trim());
    } catch (NumberFormatException e) {
      return null;
    }
    for (Proc p : procs) {
      long procPid = p.worker == null ? ProcessHandle.current().pid() : p.worker.pid();
      if (procPid == pid && p.alive()) {
        return p.name;
      }
    }
    return null;
  }

  private static String holder(Proc p, Map<String, Set<String>> holders) {
    if ("JOIN".equals(p.pending.op()) && p.pending.object() != null
        && p.pending.object().startsWith("process:")) {
      return p.pending.object().substring("process:".length());
    }
    Set<String> seen = holders.getOrDefault(p.pending.object(), Set.of());
    String holder = !seen.isEmpty() ? String.join(",", seen)
        : "ACQUIRE".equals(p.pending.op()) && p.pending.holder() != null ? p.pending.holder()
        : "?";
    return "MainProcess".equals(holder) ? "main" : holder;
  }

  private static String describe(WaitEdge e, List<Proc> procs) {
    String object = e.object() == null ? "something" : e.object();
    if (object.startsWith("process:")) {
      return e.process() + " waits for " + e.heldBy() + " to exit";
    } else if (!"?".equals(e.heldBy())) {
      return e.process() + " waits for " + object + ", held by " + e.heldBy()
          + (exited(e.heldBy(), procs) ? ", which exited holding it (a normal exit keeps what"
              + " a process holds, as in CPython; only a killed holder's is recovered)" : "");
    }
    return e.process() + " waits for " + object + " " + awaited(object)
        + " (every process that could do it has exited or is blocked)";
  }

  private static boolean exited(String name, List<Proc> procs) {
    for (Proc p : procs) {
      if (p.name.equals(name)) {
        return !p.alive();
      }
    }
    return false;
  }

  private static String awaited(String object) {
    if (object.startsWith("event")) {
      return "to be set";
    } else if (object.startsWith("condition")) {
      return "to be notified";
    } else if (object.startsWith("queue") || object.startsWith("pipe")) {
      return "to have data";
    } else if (object.startsWith("barrier")) {
      return "to fill";
    }
    return "to change";
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
