package dev.interleave.internal.schedule;

/**
 * A process that may run next, with the operation it is about to perform.
 *
 * @param process the process number (0 is the scenario's main)
 * @param op the operation name
 * @param object the object operated on, or null
 * @param label the point's label, or null
 * @param timer whether picking this process fires a pending timer of it (the end of a sleep, or
 *     the timeout of a timed wait) rather than running an operation that is ready; time is a
 *     scheduling choice, so a timer may fire at any step, racing with the other processes
 * @param read whether the operation only observes shared state (a query such as {@code isSet});
 *     two reads of one object never race
 */
public record Candidate(int process, String op, String object, String label, boolean timer,
    boolean read) {

  /**
   * The number that stands, among candidates and in decision lists, for "kill -9 process {@code
   * p} at its pending point": {@code KILL_BASE + p}. Offered only when crash injection is on.
   */
  public static final int KILL_BASE = 1000;

  /**
   * The candidate that kills process {@code p} at its pending point.
   *
   * @param held what {@code p} holds (as "lock#1, lock#2"), or null
   */
  public static Candidate kill(int p, String held) {
    return new Candidate(KILL_BASE + p, "KILL", held, null, false, false);
  }

  /** Whether this candidate kills a process rather than running one. */
  public boolean isKill() {
    return process >= KILL_BASE;
  }

  /** A ready operation that may write its object. */
  public Candidate(int process, String op, String object, String label) {
    this(process, op, object, label, false, false);
  }
}
