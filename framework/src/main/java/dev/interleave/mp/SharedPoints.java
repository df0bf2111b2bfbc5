package dev.interleave.mp;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;

/**
 * The scheduling points of shared state (values, arrays, proxy calls), in one place so that the
 * marking of reads and writes can change with the harness without touching the callers.
 */
final class SharedPoints {
  private SharedPoints() {}

  /** Before a read of the shared object {@code id}. */
  static void read(String id, String label) {
    Points.point(Op.READ, id, label);
  }

  /** Before a write (or read-modify-write) of the shared object {@code id}. */
  static void write(String id, String label) {
    Points.point(Op.WRITE, id, label);
  }

  /** Before a call on the manager-held object {@code id}. */
  static void call(String id, String method) {
    Points.point(Op.CALL, id, method);
  }
}
