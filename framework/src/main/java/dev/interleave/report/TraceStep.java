package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One scheduling point reached in a schedule: which process did what to which object.
 *
 * @param index position in the schedule, from 0
 * @param process name of the process that took the step, for example {@code "Process-1"}
 * @param op the operation, for example {@code "ACQUIRE"}, {@code "READ"} or {@code "USER"}
 * @param object the shared object the operation touched, or {@code null}
 * @param label a short human-readable description, for example {@code "read num.txt"}
 * @param site source location in user code, for example {@code "Counter.java:12"}, or {@code null}
 * @param preemption whether the scheduler switched away from a process that could have gone on
 * @param violation whether an invariant was found violated right after this step
 * @param kind what became of the operation; {@code null} in files of schema version 1, read as
 *     {@link StepKind#OPERATION}
 * @param switchCause why the process before this step stopped running, when it was another
 *     process; {@code null} when the same process goes on, at the first step, or unknown
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TraceStep(
    int index,
    String process,
    String op,
    String object,
    String label,
    String site,
    boolean preemption,
    boolean violation,
    StepKind kind,
    SwitchCause switchCause) {

  /** Checks the arguments; a missing {@code kind} reads as {@link StepKind#OPERATION}. */
  public TraceStep {
    Checks.nonNegative("index", index);
    Checks.required("process", process);
    Checks.required("op", op);
    kind = kind == null ? StepKind.OPERATION : kind;
  }

  /** A step of schema version 1: an {@link StepKind#OPERATION}, the switch cause unknown. */
  public TraceStep(int index, String process, String op, String object, String label,
      String site, boolean preemption, boolean violation) {
    this(index, process, op, object, label, site, preemption, violation, null,
        preemption ? SwitchCause.PREEMPTED : null);
  }
}
