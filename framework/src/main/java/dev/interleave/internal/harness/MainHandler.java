package dev.interleave.internal.harness;

import dev.interleave.internal.wire.Message.Arrive;
import dev.interleave.internal.wire.Message.Go;

/** The point handler of the test JVM: the scenario body's thread is the process {@code main}. */
final class MainHandler extends ControlledHandler {
  private final Mailbox mailbox = new Mailbox();
  private volatile Conductor conductor;

  void attach(Conductor c) {
    mailbox.clear();
    this.conductor = c;
  }

  Mailbox mailbox() {
    return mailbox;
  }

  @Override
  void progress(Arrive arrive) {
    conductor.post(new Event.FromMain(arrive));
  }

  @Override
  Go exchange(Arrive arrive) {
    conductor.post(new Event.FromMain(arrive));
    return mailbox.await(arrive.epoch());
  }
}
