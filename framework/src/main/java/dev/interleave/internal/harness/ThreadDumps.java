package dev.interleave.internal.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/** Thread dumps of this JVM, in the familiar {@code jstack} shape. */
final class ThreadDumps {
  private ThreadDumps() {}

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
