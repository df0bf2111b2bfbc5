package dev.interleave.scenarios.bench;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;

/**
 * Pins the calling thread to one CPU with {@code sched_setaffinity(0, ...)} (Linux), as the
 * baseline pins its processes; a JVM's other threads stay where they are.
 */
final class Affinity {
  private Affinity() {}

  interface LibC extends Library {
    int sched_setaffinity(int pid, long size, Memory mask);

    int sched_getaffinity(int pid, long size, Memory mask);
  }

  private static final class Holder {
    static final LibC LIBC = Native.load("c", LibC.class);
  }

  /** Pins the calling thread to {@code cpu}; returns the previous mask, for {@link #restore}. */
  static Memory pin(int cpu) {
    Memory old = new Memory(128);
    old.clear();
    if (Holder.LIBC.sched_getaffinity(0, 128, old) != 0) {
      throw new IllegalStateException("sched_getaffinity failed");
    }
    Memory mask = new Memory(128);
    mask.clear();
    mask.setByte(cpu / 8, (byte) (1 << (cpu % 8)));
    set(mask, "cpu " + cpu);
    return old;
  }

  /** Restores a mask returned by {@link #pin}. */
  static void restore(Memory mask) {
    set(mask, "the previous mask");
  }

  private static void set(Memory mask, String what) {
    if (Holder.LIBC.sched_setaffinity(0, 128, mask) != 0) {
      throw new IllegalStateException("sched_setaffinity failed for " + what);
    }
  }
}
