package dev.interleave.mp;

/** Targets run in child JVMs by the pipe and queue tests. */
final class IpcChildren {
  private IpcChildren() {}

  static void sendThree(Connection c) throws InterruptedException {
    c.send("one");
    c.send(2);
    c.send(java.util.List.of(3));
    c.close();
  }

  static void echoUntilNull(Connection c) throws InterruptedException {
    for (Object o = c.recv(); o != null; o = c.recv()) {
      c.send(o);
    }
  }

  /** Sends a message far larger than the ring, then (if it ever gets there) another. */
  static void sendHuge(Connection c, Integer megabytes) throws InterruptedException {
    c.sendBytes(new byte[megabytes << 20]);
    c.send("after");
  }

  static void receiveForever(Connection c) throws InterruptedException {
    while (true) {
      c.recvBytes();
    }
  }

  /** Says it is ready (so it holds its end), then idles until the test kills it. */
  static void readyThenIdle(Connection c) throws InterruptedException {
    c.send("ready");
    Thread.sleep(Long.MAX_VALUE);
  }

  /** Reports what a receive in the child saw once the parent closed its end. */
  static void recvUntilEof(Connection in, Connection report) throws InterruptedException {
    int n = 0;
    try {
      while (true) {
        in.recv();
        n++;
      }
    } catch (ConnectionEOFException e) {
      report.send("EOF after " + n);
    }
  }
}
