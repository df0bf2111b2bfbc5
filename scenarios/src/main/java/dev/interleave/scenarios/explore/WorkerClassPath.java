package dev.interleave.scenarios.explore;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * While open, a user's class path is part of this JVM's {@code java.class.path}, which the
 * harness's worker JVMs are started with, and the user's class loader is the thread's context
 * loader, which JUnit loads test classes and the harness decodes values with. Closing restores
 * both.
 */
final class WorkerClassPath implements AutoCloseable {
  private static final String KEY = "java.class.path";
  private final String oldPath;
  private final ClassLoader oldLoader;

  private WorkerClassPath(String oldPath, ClassLoader oldLoader) {
    this.oldPath = oldPath;
    this.oldLoader = oldLoader;
  }

  static WorkerClassPath extend(List<Path> entries, ClassLoader loader) {
    String old = System.getProperty(KEY);
    if (!entries.isEmpty()) {
      StringBuilder sb = new StringBuilder(old == null ? "" : old);
      for (Path p : entries) {
        sb.append(sb.length() == 0 ? "" : File.pathSeparator).append(p.toAbsolutePath());
      }
      System.setProperty(KEY, sb.toString());
    }
    Thread t = Thread.currentThread();
    WorkerClassPath saved = new WorkerClassPath(old, t.getContextClassLoader());
    t.setContextClassLoader(loader);
    return saved;
  }

  @Override
  public void close() {
    ScenarioRunner.restore(KEY, oldPath);
    Thread.currentThread().setContextClassLoader(oldLoader);
  }
}
