package dev.interleave.reports.html;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Whole-file replacement that readers never see half done, and a directory-wide lock. */
final class AtomicFiles {
  static final String LOCK_FILE = ".interleave-render.lock";

  /** Serialises renders within this JVM; the file lock serialises them across JVMs. */
  private static final Object JVM_LOCK = new Object();

  private AtomicFiles() {}

  /** Writes {@code text} to a temporary file beside {@code target}, then moves it over. */
  static void write(Path target, String text) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** An action that may fail with an {@link IOException}. */
  interface IoAction {
    void run() throws IOException;
  }

  /** Runs {@code action} holding an exclusive lock on {@code dir}, shared by every JVM. */
  static void locked(Path dir, IoAction action) throws IOException {
    synchronized (JVM_LOCK) {
      try (FileChannel channel =
              FileChannel.open(
                  dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        action.run();
      }
    }
  }
}
