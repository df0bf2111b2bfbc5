package dev.interleave.mp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a test main class as a root program in its own JVM, its output going to a file. */
final class RootPrograms {
  private RootPrograms() {}

  static java.lang.Process start(Path output, Class<?> main, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile())
        .start();
  }

  /** Kills the program and every process it started. */
  static void killTree(java.lang.Process root) {
    root.descendants().forEach(ProcessHandle::destroyForcibly);
    root.destroyForcibly();
  }
}
