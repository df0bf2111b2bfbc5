package dev.interleave.internal.harness.control;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Stack traces as text. */
final class Stacks {
  private Stacks() {}

  static String text(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
