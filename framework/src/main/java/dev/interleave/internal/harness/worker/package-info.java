/**
 * Internal: what runs inside a harness worker JVM. The {@link
 * dev.interleave.internal.harness.worker.WorkerProcess} a worker boots as, the loop that serves
 * the controller's tasks one after another, the task's point handler and the handle of a
 * process a task starts; and the two pieces the test JVM's main thread shares with them, the
 * {@link dev.interleave.internal.harness.worker.ControlledHandler} base and {@link
 * dev.interleave.internal.harness.worker.ScheduleAbort}.
 *
 * <p>Nothing here is public API; it may change without notice. It depends on no other harness
 * package: a worker talks to the controller only through {@code dev.interleave.internal.wire}.
 */
package dev.interleave.internal.harness.worker;
