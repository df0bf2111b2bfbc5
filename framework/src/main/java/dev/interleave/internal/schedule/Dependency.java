package dev.interleave.internal.schedule;

/**
 * Which pending operations race: two operations of different processes race when they touch the
 * same shared state and at least one of them writes. An operation on no named state (a point
 * with a label only) may touch anything and races with every operation. A timer firing observes
 * its object (a timed wait's timeout sees the object unchanged), so it races only with writes of
 * that object; a sleep's end touches no shared state and races with nothing. The two ends of a
 * pipe ({@code pipe#1:0}, {@code pipe#1:1}) are one state: a send on one is what a receive on
 * the other observes.
 */
public final class Dependency {
  private Dependency() {}

  /** Whether {@code a} and {@code b} race. */
  public static boolean races(Candidate a, Candidate b) {
    if (a.process() == b.process()) {
      return false;
    }
    boolean aReads = a.read() || a.timer();
    boolean bReads = b.read() || b.timer();
    if ((a.timer() && a.object() == null) || (b.timer() && b.object() == null)) {
      return false;
    }
    if (a.object() == null || b.object() == null) {
      return true;
    }
    return state(a.object()).equals(state(b.object())) && !(aReads && bReads);
  }

  /**
   * The shared state an object name stands for: a pipe end stands for its pipe; every socket
   * connection ({@code socket#2}) stands for one state {@code socket}, since the two ends of a
   * connection live in two JVMs that cannot name them alike (so a send on any connection is
   * taken to race with a receive on any: more orders explored, none missed).
   */
  public static String state(String object) {
    if (object.startsWith("socket")) {
      return "socket";
    }
    return object.startsWith("pipe") ? object.replaceFirst(":\\d+$", "") : object;
  }
}
