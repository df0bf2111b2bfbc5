package dev.interleave.internal.wire;

/**
 * A message on the control channel between the controller (in the test JVM) and a harness
 * worker JVM. Each record's tag is in {@link Tags}; {@link MessageCodec} reads and writes them.
 */
public sealed interface Message
    permits Message.Hello, Message.Arrive, Message.Exited, Message.Go, Message.Assign,
        Message.Abort, Message.Shutdown, Message.Spawn, Message.Signal, Message.Status,
        Message.ChildState {

  /** Worker → controller, first: who connects, proved by the pool's token. */
  record Hello(int worker, long pid, String token) implements Message {}

  /**
   * A process reached a scheduling point (or blocked, or sleeps) and waits for {@link Go}.
   *
   * @param epoch the schedule this belongs to
   * @param kind what the process reports
   * @param op the operation name ({@code Op})
   * @param object the object's stable id, or null
   * @param label a label for reports, or null
   * @param site the first call-site frame outside the framework, or null
   * @param holder for {@link Kind#BLOCKED}: who holds the object, or null
   * @param nanos for {@link Kind#BLOCKED}: the absolute virtual deadline or -1; for {@link
   *     Kind#SLEEP}: the sleep's length
   */
  record Arrive(long epoch, Kind kind, String op, String object, String label, String site,
      String holder, long nanos) implements Message {}

  /** What an {@link Arrive} reports. */
  enum Kind {
    /** The process was assigned and waits to run its first instruction (implied by assign). */
    BEGIN,
    /** Before an operation. */
    POINT,
    /** The attempt of a blocking operation failed; runnable again once the object changes. */
    BLOCKED,
    /** Sleeps in virtual time. */
    SLEEP,
    /**
     * Stress mode: the process passed points since its last report (it is alive and moving); it
     * does not wait for an answer.
     */
    PROGRESS,
    /**
     * Work the harness does not schedule was seen in this process ({@code label} says what); the
     * report does not wait for an answer.
     */
    UNCONTROLLED
  }

  /**
   * The process's task ended with {@code code}; {@code failure} is its stack trace or null;
   * {@code stdout} and {@code stderr} are the end of what the task printed.
   */
  record Exited(long epoch, int code, String failure, String stdout, String stderr)
      implements Message {}

  /** Controller → worker: proceed; {@code now} is virtual time; {@code timedOut} ends a wait. */
  record Go(long epoch, long now, boolean timedOut) implements Message {}

  /**
   * Controller → worker: run this process of schedule {@code epoch}.
   *
   * @param controlled whether points wait for {@link Go} (false in stress mode)
   * @param noiseSeed the seed of stress-mode delays
   * @param sites whether the process's points capture their call sites
   */
  record Assign(long epoch, int process, String name, boolean daemon, String parentName,
      long parentPid, byte[] payload, boolean controlled, long noiseSeed, boolean sites)
      implements Message {}

  /** Controller → worker: stop the task of schedule {@code epoch} (it unwinds at its point). */
  record Abort(long epoch) implements Message {}

  /** Controller → worker: exit the worker loop. */
  record Shutdown() implements Message {}

  /**
   * Worker → controller: the running process starts a process of its own; the controller
   * hands it to another worker, as it does main's, and answers with {@link ChildState}.
   */
  record Spawn(long epoch, String name, boolean daemon, byte[] payload) implements Message {}

  /** Worker → controller: terminate ({@code force} false) or kill process {@code process}. */
  record Signal(long epoch, int process, boolean force) implements Message {}

  /** Worker → controller: how is process {@code process}? Answered by {@link ChildState}. */
  record Status(long epoch, int process) implements Message {}

  /**
   * Controller → worker: the answer to {@link Spawn}, {@link Signal} and {@link Status}.
   *
   * @param process the process's id in the schedule, or -1 when it could not be started
   * @param pid the OS pid of the worker JVM that runs it
   * @param alive whether it has not exited
   * @param code its exit code once exited
   * @param error why it could not be started, or null
   */
  record ChildState(long epoch, int process, long pid, boolean alive, int code, String error)
      implements Message {}
}
