package dev.interleave.internal.harness.control;

import dev.interleave.internal.wire.Message;
import dev.interleave.internal.wire.Message.Arrive;

/**
 * What the controller reacts to: each event is handled under the controller's monitor by the
 * thread that brings it, in arrival order.
 */
sealed interface Event {
  /** A message from a worker; {@code message} null means the worker JVM is gone. */
  record FromWorker(Worker worker, Message message) implements Event {}

  /** The scenario's main thread reached a point. */
  record FromMain(Arrive arrive) implements Event {}

  /** The scenario body returned ({@code failure} null) or threw. */
  record MainEnded(Throwable failure) implements Event {}

  /** Process {@code parent} (0: main) started process {@code id} on {@code worker}. */
  record Spawned(int id, int parent, String name, Worker worker, HarnessHandle handle)
      implements Event {}

  /** Main terminated ({@code force} false) or killed process {@code id}. */
  record Killed(int id, boolean force) implements Event {}
}
