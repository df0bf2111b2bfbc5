package dev.interleave.internal.schedule;

import java.util.Set;

/**
 * When two steps of different processes may be swapped without changing what any process can
 * observe: the independence relation the exhaustive search's reduction prunes by. It is {@link
 * Dependency}'s relation made strict where a mistake would hide a schedule rather than reorder a
 * priority: a step is the pending operation <em>and</em> whatever its process does up to its next
 * point, so only operations whose whole effect is known commute.
 *
 * <p>Never commuting with anything:
 *
 * <ul>
 *   <li>a kill (crash injection) and a termination: they free what the process held and end its
 *       pipes;
 *   <li>a timer's firing: it moves virtual time, which timed operations read;
 *   <li>a wait on several objects ({@code Connection.await}, sentinels), a user point without a
 *       key and any operation without an object.
 * </ul>
 *
 * <p>A process's start and its normal exit hand over, close and free handles (a pipe's end of
 * stream, a queue's writers); they commute only with operations on state they cannot touch:
 * locks, semaphores, events, conditions, barriers, shared values and arrays, user keys, other
 * processes, and other processes' exits. Two starts do not commute: processes are numbered in
 * the order they start. A process's first step ({@code begin}, before its first point) touches
 * nothing shared and commutes with every step not listed above. Otherwise two operations on
 * different objects commute, as do two reads of one object.
 */
public final class Commutes {
  private Commutes() {}

  /** The label of a process's first step, before it reached any point. */
  static final String BEGIN = "begin";

  /** The object families a process's start or normal exit leaves as they are. */
  private static final Set<String> UNTOUCHED_BY_LIFECYCLE = Set.of("lock", "rlock", "semaphore",
      "event", "condition", "barrier", "value", "array");

  /** Whether steps {@code a} and {@code b} (of different processes) commute. */
  public static boolean of(Candidate a, Candidate b) {
    if (a.process() == b.process() || opaque(a) || opaque(b)) {
      return false;
    }
    if (begins(a) || begins(b)) {
      return true;
    }
    boolean aLife = lifecycle(a);
    boolean bLife = lifecycle(b);
    if (aLife && bLife) {
      // two exits, or a start and an exit, change disjoint handle sets; two starts number
      // their processes in the order they run
      return !("START".equals(a.op()) && "START".equals(b.op())) && !a.object().equals(b.object());
    }
    if (aLife || bLife) {
      return untouched(aLife ? a : b, aLife ? b : a);
    }
    return !Dependency.races(a, b);
  }

  private static boolean begins(Candidate c) {
    return "START".equals(c.op()) && c.object() == null && BEGIN.equals(c.label());
  }

  private static boolean lifecycle(Candidate c) {
    return "START".equals(c.op()) || "EXIT".equals(c.op());
  }

  /** Whether a start or exit ({@code life}) leaves the state {@code other} operates on alone. */
  private static boolean untouched(Candidate life, Candidate other) {
    String o = other.object();
    if (o.startsWith("key:")) {
      return true;
    }
    if (o.startsWith("process:")) {
      return !o.equals(life.object());
    }
    int hash = o.indexOf('#');
    return hash > 0 && UNTOUCHED_BY_LIFECYCLE.contains(o.substring(0, hash));
  }

  private static boolean opaque(Candidate c) {
    if (c.isKill() || c.timer()) {
      return true;
    }
    if (begins(c)) {
      return false;
    }
    if (c.object() == null) {
      return true;
    }
    return switch (c.op()) {
      case "TERMINATE" -> true;
      // a wait on several connections or on process sentinels names no one of them
      case "POLL" -> "connections".equals(c.object()) || "sentinels".equals(c.object());
      default -> false;
    };
  }
}
