package dev.interleave.mp;

import dev.interleave.internal.ipc.ClassRules;
import dev.interleave.internal.ipc.QueueChannel;
import java.io.Serializable;

/**
 * A queue in transit to another process: reopened there as a handle of the same queue, with that
 * process's default {@link SerialFilter} (the sender's rules do not travel).
 */
final class QueueSerialForm implements Serializable {
  private static final long serialVersionUID = 2L;

  enum Kind { QUEUE, JOINABLE, SIMPLE }

  private final QueueChannel.Handle handle;
  private final Kind kind;

  QueueSerialForm(QueueChannel.Handle handle, Kind kind) {
    this.handle = handle;
    this.kind = kind;
  }

  private Object readResolve() {
    QueueChannel channel = handle.open();
    ClassRules rules = ClassRules.processDefault();
    return switch (kind) {
      case QUEUE -> new Queue<>(channel, rules);
      case JOINABLE -> new JoinableQueue<>(channel, rules);
      case SIMPLE -> new SimpleQueue<>(channel, rules);
    };
  }
}
