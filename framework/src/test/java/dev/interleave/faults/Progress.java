package dev.interleave.faults;

import dev.interleave.mp.RawValue;
import dev.interleave.mp.ValueType;
import java.io.Serializable;

/**
 * How far a writer got, in shared memory: it counts an operation as started before the call and
 * as finished after it, so that once the writer is killed, {@code started > finished} tells that
 * the kill landed inside the call.
 */
final class Progress implements Serializable {
  private static final long serialVersionUID = 1L;
  private final RawValue<Long> started = RawValue.of(ValueType.LONG, 0L);
  private final RawValue<Long> finished = RawValue.of(ValueType.LONG, 0L);

  void begin(long seq) {
    started.setLong(seq + 1);
  }

  void end(long seq) {
    finished.setLong(seq + 1);
  }

  long started() {
    return started.getLong();
  }

  long finished() {
    return finished.getLong();
  }

  /** Whether an operation had started and not finished (read once the writer is dead). */
  boolean midOperation() {
    return started() > finished();
  }
}
