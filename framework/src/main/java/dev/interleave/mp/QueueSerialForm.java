package dev.interleave.mp;

import dev.interleave.internal.ipc.ClassRules;
import dev.interleave.internal.ipc.QueueChannel;
import java.io.Serializable;

/** A queue in transit to another process: reopened there as a handle of the same queue. */
final class QueueSerialForm implements Serializable {
  private static final long serialVersionUID = 1L;

  enum Kind { QUEUE, JOINABLE, SIMPLE }

  private final QueueChannel.Handle handle;
  private final ClassRules rules;
  private final Kind kind;

  QueueSerialForm(QueueChannel.Handle handle, ClassRules rules, Kind kind) {
    this.handle = handle;
    this.rules = rules;
    this.kind = kind;
  }

  private Object readResolve() {
    QueueChannel channel = handle.open();
    return switch (kind) {
      case QUEUE -> new Queue<>(channel, rules);
      case JOINABLE -> new JoinableQueue<>(channel, rules);
      case SIMPLE -> new SimpleQueue<>(channel, rules);
    };
  }
}
