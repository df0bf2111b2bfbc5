package dev.interleave.internal.harness.control;

import dev.interleave.internal.schedule.Dependency;
import dev.interleave.internal.wire.Message.Arrive;

/** The controller's record of one process of a schedule; guarded by the controller's monitor. */
final class Proc {
  /** Where a process is between points. */
  enum Status { READY, RUNNING, BLOCKED, SLEEPING, EXITED }

  final int id;
  final String name;
  final Worker worker;
  final HarnessHandle handle;
  Status status;
  Arrive pending;
  long wakeAt;
  boolean timedOut;
  /** Timers of this process fired in a row while no other process took a step. */
  int timerStreak;
  int exitCode;
  /** The id of the process that started this one (0: main). */
  int parent;
  String stdout = "";
  String stderr = "";

  Proc(int id, String name, Worker worker, HarnessHandle handle, Status status) {
    this.id = id;
    this.name = name;
    this.worker = worker;
    this.handle = handle;
    this.status = status;
  }

  /** Keeps what the process printed, as its worker reported it at the end of its task. */
  void printed(String out, String err) {
    this.stdout = out == null ? "" : out;
    this.stderr = err == null ? "" : err;
  }

  boolean alive() {
    return status != Status.EXITED;
  }

  boolean blockedOn(String object) {
    return status == Status.BLOCKED && object != null && pending.object() != null
        && channel(object).equals(channel(pending.object()));
  }

  /**
   * The object an operation waits on: a pipe end ({@code pipe#1:0}) stands for its pipe, since
   * a send on one end is what a receive on the other waits for; every socket connection stands
   * for one channel (see {@link Dependency#state}).
   */
  static String channel(String object) {
    return Dependency.state(object);
  }

  /** The blocked operation's virtual deadline, or -1. */
  long deadline() {
    return status == Status.BLOCKED ? pending.nanos() : -1;
  }

  /** When this process's pending timer fires (a sleep's end or a wait's timeout), or -1. */
  long timerAt() {
    return status == Status.SLEEPING ? wakeAt : deadline();
  }
}
