package dev.interleave.internal.harness.control;

import dev.interleave.internal.harness.worker.ControlledHandler;
import dev.interleave.internal.wire.Message.Arrive;
import dev.interleave.internal.wire.Message.Go;

/** The point handler of the test JVM: the scenario body's thread is the process {@code main}. */
final class MainHandler extends ControlledHandler {
  private final Mailbox mailbox = new Mailbox();
  private volatile Controller controller;

  void attach(Controller c) {
    mailbox.clear();
    this.controller = c;
  }

  Mailbox mailbox() {
    return mailbox;
  }

  @Override
  protected void progress(Arrive arrive) {
    controller.post(new Event.FromMain(arrive));
  }

  @Override
  protected Go exchange(Arrive arrive) {
    controller.post(new Event.FromMain(arrive));
    return mailbox.await(arrive.epoch());
  }
}
