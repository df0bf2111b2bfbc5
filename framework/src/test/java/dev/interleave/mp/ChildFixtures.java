package dev.interleave.mp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/** Targets run in child JVMs by the process tests; they report through files. */
final class ChildFixtures {
  private ChildFixtures() {}

  static void append(Path file, String line) throws IOException {
    Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }

  /** Writes the file only when complete, so a reader never sees half of it. */
  static void publish(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  static void awaitFile(Path file, Duration max) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!Files.exists(file)) {
      if (System.nanoTime() > deadline) {
        throw new IOException("no " + file + " within " + max);
      }
      Thread.sleep(10); // polling a file written by another process; no in-process signal exists
    }
  }

  static void describeSelf(Path out) throws IOException {
    ProcessInfo me = Process.currentProcess();
    long parent = Process.parentProcess().map(ProcessInfo::pid).orElse(-1L);
    publish(out, me.name() + " " + me.pid() + " " + parent + " " + me.daemon());
  }

  static void mutateAndReport(List<String> list, Path out) throws IOException {
    list.add("added-in-child");
    publish(out, String.join(",", list));
  }

  static void fail(String message) {
    throw new IllegalStateException(message);
  }

  static void exitWith(Integer code) {
    System.exit(code);
  }

  static void blockUntil(Path release) throws IOException, InterruptedException {
    awaitFile(release, Duration.ofMinutes(2));
  }

  static void print(String text) {
    System.out.println(text);
  }

  static void startChildFromDaemon(Path out) throws IOException {
    try {
      new Process(ChildFixtures::print, "never").start();
      publish(out, "started");
    } catch (IllegalStateException e) {
      publish(out, e.getMessage());
    }
  }

  /** Starts a grandchild that blocks, reports its pid, and blocks itself. */
  static void spawnGrandchild(Path pidFile, Path release) throws Exception {
    Process grandchild = new Process(ChildFixtures::blockUntil, release);
    grandchild.start();
    publish(pidFile, Long.toString(grandchild.pid()));
    blockUntil(release);
  }
}
