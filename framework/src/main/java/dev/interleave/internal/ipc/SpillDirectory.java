package dev.interleave.internal.ipc;

import dev.interleave.internal.shm.ProcessIdentity;
import dev.interleave.internal.shm.SharedMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where unbounded queues spill items that do not fit their ring, and the clean-up of those files.
 *
 * <p>The directory is the system property {@value #DIR_PROPERTY}, else the temporary directory
 * (not {@code /dev/shm}: spilled items can be many, and a RAM-backed {@code /dev/shm} is often
 * small, 64 MiB in a Docker container). It is read when a queue is created and travels with the
 * queue's handles. A queue's spill files are named after the queue's segment, hence after the
 * process that created the queue: that process deletes them when it exits, and the first queue
 * to spill into a directory deletes the files of creators that no longer run.
 */
final class SpillDirectory {
  static final String DIR_PROPERTY = "interleave.queue.spillDir";
  static final String LIMIT_PROPERTY = "interleave.queue.spillLimit";
  /** Default limit of one queue's spill files: 1 GiB. */
  static final long DEFAULT_LIMIT = 1L << 30;

  private static final Set<Path> PREPARED = ConcurrentHashMap.newKeySet();
  private static final Set<Path> OWNED = ConcurrentHashMap.newKeySet();
  private static final Thread CLEANUP = new Thread(SpillDirectory::removeOwned,
      "interleave-spill-cleanup");

  static {
    Runtime.getRuntime().addShutdownHook(CLEANUP);
  }

  private SpillDirectory() {}

  /** The spill directory for a queue created now. */
  static Path configured() {
    String dir = System.getProperty(DIR_PROPERTY);
    return Paths.get(dir != null && !dir.isBlank() ? dir : System.getProperty("java.io.tmpdir"))
        .toAbsolutePath();
  }

  /**
   * The spill limit in bytes for a queue created now.
   *
   * @throws IllegalArgumentException if the property is not a positive number
   */
  static long limit() {
    String value = System.getProperty(LIMIT_PROPERTY);
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      long limit = Long.parseLong(value.trim());
      if (limit > 0) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(LIMIT_PROPERTY + " must be a positive number of bytes"
        + " but was: " + value);
  }

  /** Records that this process created the queue {@code segmentName}, whose files it removes. */
  static void own(Path dir, String segmentName) {
    OWNED.add(dir.resolve(segmentName));
  }

  /** Removes the spill files of the queue {@code segmentName}, which nobody can reach any more. */
  static void removeQueue(Path dir, String segmentName) {
    OWNED.remove(dir.resolve(segmentName));
    deleteMatching(dir, segmentName + ".*", false);
  }

  /** Creates the directory if needed and, once per process, sweeps files of dead creators. */
  static void prepare(Path dir) {
    if (PREPARED.add(dir)) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        PREPARED.remove(dir);
        throw new UncheckedIOException("cannot create the queue spill directory " + dir
            + " (system property " + DIR_PROPERTY + ")", e);
      }
      sweep(dir);
    }
  }

  /** Deletes {@code file}; whether this call deleted it. */
  static boolean delete(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      return false; // swept once its creator is gone
    }
  }

  private static void removeOwned() {
    for (Path queue : OWNED) {
      deleteMatching(queue.getParent(), queue.getFileName() + ".*", false);
    }
  }

  private static void sweep(Path dir) {
    deleteMatching(dir, SharedMemory.PREFIX + "*.s*", true);
  }

  private static void deleteMatching(Path dir, String glob, boolean onlyDead) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
      for (Path file : files) {
        ProcessIdentity creator = SharedMemory.creatorOf(file.getFileName().toString());
        if (!onlyDead || creator != null && !creator.isAlive()) {
          delete(file);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // what is left is swept later
    }
  }
}
