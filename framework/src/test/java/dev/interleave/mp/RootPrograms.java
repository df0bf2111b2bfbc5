package dev.interleave.mp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a test main class as a root program in its own JVM, its output going to a file. */
public final class RootPrograms {
  private RootPrograms() {}

  public static java.lang.Process start(Path output, Class<?> main, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile())
        .start();
  }

  /** Kills the program and every process it started. */
  public static void killTree(java.lang.Process root) {
    root.descendants().forEach(ProcessHandle::destroyForcibly);
    root.destroyForcibly();
  }

  /** The number after {@code prefix} on the first line of {@code log} that starts with it. */
  public static long pidAfter(Path log, String prefix) throws IOException {
    for (String line : java.nio.file.Files.readAllLines(log)) {
      if (line.startsWith(prefix)) {
        return Long.parseLong(line.substring(prefix.length()).trim());
      }
    }
    throw new AssertionError("no line starting with " + prefix + " in " + log);
  }

  /** Whether {@code pid} runs (a zombie does not). */
  public static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
        && !dev.interleave.internal.shm.ProcessIdentity.hasExited(pid);
  }
}
