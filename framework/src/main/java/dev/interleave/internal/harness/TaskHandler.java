package dev.interleave.internal.harness;

import dev.interleave.internal.wire.Connection;
import dev.interleave.internal.wire.Message.Arrive;
import dev.interleave.internal.wire.Message.Go;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The point handler of a harness worker JVM: its task thread talks to the controller. */
final class TaskHandler extends ControlledHandler {
  private final Connection connection;
  private final Mailbox mailbox = new Mailbox();

  TaskHandler(Connection connection) {
    this.connection = connection;
  }

  Mailbox mailbox() {
    return mailbox;
  }

  @Override
  Go exchange(Arrive arrive) {
    try {
      connection.send(arrive);
    } catch (IOException e) {
      throw new UncheckedIOException("the harness controller went away", e);
    }
    return mailbox.await(arrive.epoch());
  }
}
