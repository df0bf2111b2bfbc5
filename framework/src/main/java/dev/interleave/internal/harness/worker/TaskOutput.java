package dev.interleave.internal.harness.worker;

import dev.interleave.report.ProcessOutput;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Keeps the end of what the current task of a harness worker prints, for the report of a
 * failing schedule, while passing every byte on to the worker's real stream (which the test
 * JVM copies to its own output).
 */
final class TaskOutput {
  private final Tail out;
  private final Tail err;

  private TaskOutput(Tail out, Tail err) {
    this.out = out;
    this.err = err;
  }

  /** Wraps {@code System.out} and {@code System.err} of this JVM. */
  static TaskOutput install() {
    Tail out = new Tail(System.out);
    Tail err = new Tail(System.err);
    Charset cs = Charset.defaultCharset();
    System.setOut(new PrintStream(out, true, cs));
    System.setErr(new PrintStream(err, true, cs));
    return new TaskOutput(out, err);
  }

  /** Forgets what the last task printed. */
  void begin() {
    out.clear();
    err.clear();
  }

  /** The end of what the task printed on standard output. */
  String stdout() {
    return out.text();
  }

  /** The end of what the task printed on standard error. */
  String stderr() {
    return err.text();
  }

  /** Passes bytes on and keeps the last {@link ProcessOutput#LIMIT} of them. */
  private static final class Tail extends OutputStream {
    private final PrintStream target;
    private final byte[] ring = new byte[ProcessOutput.LIMIT];
    private long written;

    Tail(PrintStream target) {
      this.target = target;
    }

    @Override
    public synchronized void write(int b) {
      target.write(b);
      ring[(int) (written++ % ring.length)] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      target.write(b, off, len);
      for (int i = 0; i < len; i++) {
        ring[(int) (written++ % ring.length)] = b[off + i];
      }
    }

    @Override
    public void flush() {
      target.flush();
    }

    synchronized void clear() {
      written = 0;
    }

    synchronized String text() {
      target.flush();
      int n = (int) Math.min(written, ring.length);
      byte[] last = new byte[n];
      int start = (int) ((written - n) % ring.length);
      for (int i = 0; i < n; i++) {
        last[i] = ring[(start + i) % ring.length];
      }
      String s = new String(last, Charset.defaultCharset());
      return written > ring.length ? "[earlier output dropped]\n" + s : s;
    }
  }
}
