package dev.interleave.internal.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Copies a child's stdout or stderr to this JVM's {@link System#out} or {@link System#err}.
 *
 * <p>On stderr the child's first bytes are the bootstrap's ready marker, which the pump
 * swallows and reports through {@link #ready}; a JVM that fails before its {@code main} never
 * prints it.
 */
final class OutputPump implements Runnable {
  private final InputStream in;
  private final boolean stdout;
  private final OutputTail tail;
  private final CountDownLatch ready;
  private final CountDownLatch done = new CountDownLatch(1);
  private final MarkerFilter exitMarker = new MarkerFilter(ExitReport.MARKER);

  OutputPump(InputStream in, boolean stdout, OutputTail tail, CountDownLatch ready) {
    this.in = in;
    this.stdout = stdout;
    this.tail = tail;
    this.ready = ready;
  }

  static OutputPump start(InputStream in, boolean stdout, OutputTail tail, CountDownLatch ready,
      String name) {
    OutputPump pump = new OutputPump(in, stdout, tail, ready);
    Thread t = new Thread(null, pump, name, 128 * 1024);
    t.setDaemon(true);
    t.start();
    return pump;
  }

  @Override
  public void run() {
    byte[] buf = new byte[8192];
    try (in) {
      if (ready != null) {
        awaitMarker();
      }
      int n;
      while ((n = in.read(buf)) > 0) {
        if (stdout) {
          forward(buf, n);
        } else {
          byte[] kept = exitMarker.filter(buf, n);
          forward(kept, kept.length);
        }
      }
      byte[] rest = exitMarker.rest();
      forward(rest, rest.length);
    } catch (IOException e) {
      // the child is gone
    } finally {
      done.countDown();
    }
  }

  /**
   * Forwards whole lines until the ready marker's line, which is swallowed. The JVM may print
   * lines of its own first (for example "Picked up JAVA_TOOL_OPTIONS").
   */
  private void awaitMarker() throws IOException {
    java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) != -1) {
      line.write(b);
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        if (Arrays.equals(bytes, ChildMain.READY)) {
          ready.countDown();
          return;
        }
        forward(bytes, bytes.length);
        line.reset();
      }
    }
    forward(line.toByteArray(), line.size());
  }

  private void forward(byte[] buf, int n) {
    if (n <= 0) {
      return;
    }
    tail.append(buf, 0, n);
    PrintStream sink = stdout ? System.out : System.err;
    sink.write(buf, 0, n);
    sink.flush();
  }

  /** Whether the child reported on this stream (its stderr) that it exited (see ExitReport). */
  boolean exitReported() {
    return exitMarker.seen();
  }

  /** Whether the child's stream reached end-of-file. */
  boolean isDone() {
    return done.getCount() == 0;
  }

  /** Waits until the child's stream reached end-of-file (or {@code millis} passed). */
  boolean awaitDone(long millis) throws InterruptedException {
    return done.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
  }
}
