package dev.interleave.internal.harness.control;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/** Thread dumps of this JVM, in the familiar {@code jstack} shape. */
final class ThreadDumps {
  private ThreadDumps() {}

  /** The thread dump of the JVM {@code pid}, taken with {@code jcmd <pid> Thread.print}. */
  static String of(long pid) {
    java.nio.file.Path jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      java.lang.Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
          .redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
      return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "(no thread dump of pid " + pid + ": " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted while taking the thread dump of pid " + pid + ")";
    }
  }

  static String ofThisJvm() {
    StringBuilder sb = new StringBuilder();
    sb.append("Thread dump of pid ").append(ProcessHandle.current().pid()).append('\n');
    for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      sb.append('"').append(info.getThreadName()).append("\" #").append(info.getThreadId())
          .append(' ').append(info.getThreadState());
      if (info.getLockName() != null) {
        sb.append(" on ").append(info.getLockName());
      }
      sb.append('\n');
      for (StackTraceElement e : info.getStackTrace()) {
        sb.append("\tat ").append(e).append('\n');
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
