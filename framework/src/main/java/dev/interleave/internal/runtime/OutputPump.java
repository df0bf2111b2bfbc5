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
        byte[] head = in.readNBytes(ChildMain.READY.length);
        if (Arrays.equals(head, ChildMain.READY)) {
          ready.countDown();
        } else {
          forward(head, head.length);
        }
      }
      int n;
      while ((n = in.read(buf)) > 0) {
        forward(buf, n);
      }
    } catch (IOException e) {
      // the child is gone
    } finally {
      done.countDown();
    }
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

  /** Waits until the child's stream reached end-of-file (or {@code millis} passed). */
  boolean awaitDone(long millis) throws InterruptedException {
    return done.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
  }
}
