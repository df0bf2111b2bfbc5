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

  /** Puts {@code count} items of {@code size} bytes, then a null sentinel, and exits. */
  static void putBlobs(Queue<byte[]> q, Integer count, Integer size) throws InterruptedException {
    for (int i = 0; i < count; i++) {
      q.put(QueueTest.payload(i, size));
    }
    q.put(null);
  }

  /** Puts big items until killed. */
  static void putBlobsForever(Queue<byte[]> q, Integer size) throws InterruptedException {
    for (int i = 0; ; i++) {
      q.put(QueueTest.payload(i, size));
    }
  }

  /** Gets items until killed. */
  static void getForever(Queue<byte[]> q) throws InterruptedException {
    while (true) {
      q.get();
    }
  }

  static void work(JoinableQueue<Integer> tasks, Queue<Integer> results)
      throws InterruptedException {
    for (Integer t = tasks.get(); t != null; t = tasks.get()) {
      results.put(t * t);
      tasks.taskDone();
    }
    tasks.taskDone();
  }

  static void putSimple(SimpleQueue<String> q) throws InterruptedException {
    q.put("from child");
  }

  /** Tries to put an unserializable item, then a good one; reports what the put threw. */
  static void putUnserializable(Queue<Object> q, Connection report) throws InterruptedException {
    try {
      q.put(new Object());
      report.send("no exception");
    } catch (SerializationException e) {
      report.send(e.getMessage());
    }
    q.put("good");
  }

  /** Sends an object of a class the parent's filter rejects, then a plain one. */
  static void sendRejected(Connection c) throws InterruptedException {
    c.send(new ConnectionSerialFilterTest.Tracked());
    c.send("plain");
  }

  /** Puts {@code count} items of {@code size} bytes; reports what the failing put threw. */
  static void putUntilFailure(Queue<byte[]> q, Integer count, Integer size, Connection report)
      throws InterruptedException {
    try {
      for (int i = 0; i < count; i++) {
        q.put(QueueTest.payload(i, size));
      }
      report.send("no exception");
    } catch (RuntimeException | Error e) {
      report.send(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Never called: an argument before the connection halts the child as it arrives. */
  static void neverRuns(HaltOnArrival halt, Connection c) {
    throw new AssertionError("unreachable");
  }

  /** An argument whose deserialization ends the JVM at once. */
  static final class HaltOnArrival implements java.io.Serializable {
    static final int STATUS = 3;
    private static final long serialVersionUID = 1L;

    private void readObject(java.io.ObjectInputStream in) {
      Runtime.getRuntime().halt(STATUS);
    }
  }

  static final int COPIES = 300;

  /** Opens {@link #COPIES} handles of its end and sends one message through each. */
  static void sendThroughCopies(Connection c) throws InterruptedException {
    java.util.List<Connection> copies = new java.util.ArrayList<>();
    for (int i = 0; i < COPIES; i++) {
      copies.add(Copies.of(c));
    }
    for (int i = 0; i < COPIES; i++) {
      copies.get(i).send(i);
    }
  }
}
