package dev.interleave.internal.shm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates, attaches and cleans up {@link Segment}s.
 *
 * <p>Segment files are named {@code interleave-<pid>-<startMillis>-<kind>-<n>} after the
 * process that created them. The creator removes its files when it exits (a shutdown hook);
 * processes that mapped a file keep their mapping. Files left behind by a creator that was
 * killed ({@code kill -9}) are swept by the first process that creates a segment afterwards: a
 * file whose creator (pid and start time) no longer runs is deleted.
 *
 * <p>The directory is {@code /dev/shm} where it exists, else the temporary directory; the system
 * property {@code interleave.shm.dir} overrides it.
 */
public final class SharedMemory {
  /** Prefix of every segment file name. */
  public static final String PREFIX = "interleave-";

  private static final Path DIR = chooseDir();
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final Set<Path> OWNED = ConcurrentHashMap.newKeySet();
  private static volatile boolean initialized;

  private SharedMemory() {}

  /** Creates a zero-filled segment of {@code size} bytes for a primitive of kind {@code kind}. */
  public static Segment create(String kind, int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("segment size must be positive but was: " + size);
    }
    init();
    ProcessIdentity me = ProcessIdentity.current();
    String name = PREFIX + me.pid() + "-" + me.startMillis() + "-" + kind + "-"
        + COUNTER.incrementAndGet();
    Segment segment = Segment.create(DIR, name, size);
    OWNED.add(segment.path());
    return segment;
  }

  /** Maps the segment called {@code name}, created by this or another process. */
  public static Segment attach(String name) {
    if (!name.startsWith(PREFIX) || name.contains("/")) {
      throw new IllegalArgumentException("not an interleave segment name: " + name);
    }
    return Segment.attach(DIR, name);
  }

  /** Removes a segment file this process created, before its exit. */
  public static void release(Segment segment) {
    OWNED.remove(segment.path());
    deleteQuietly(segment.path());
  }

  /**
   * Creates a zero-filled segment that belongs to {@code parent}'s creator rather than to this
   * process: it is named {@code <parent>.<suffix>}, survives this process's exit, and is removed
   * with its parent's files when the parent's creator exits (or by the sweep once that creator is
   * dead). Used for data a process leaves behind for others, such as queued items.
   *
   * @throws IllegalStateException if a file of that name already exists
   */
  public static Segment createChild(String parentName, String suffix, int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("segment size must be positive but was: " + size);
    }
    if (!parentName.startsWith(PREFIX) || suffix.contains("/") || suffix.contains(".")) {
      throw new IllegalArgumentException("bad child segment name: " + parentName + "." + suffix);
    }
    init();
    return Segment.create(DIR, parentName + "." + suffix, size);
  }

  /** Deletes the file of a segment created by any process (its mappings stay valid). */
  public static void unlink(String name) {
    if (!name.startsWith(PREFIX) || name.contains("/")) {
      throw new IllegalArgumentException("not an interleave segment name: " + name);
    }
    deleteQuietly(DIR.resolve(name));
  }

  /** The directory holding segment files. */
  public static Path directory() {
    return DIR;
  }

  private static synchronized void init() {
    if (initialized) {
      return;
    }
    initialized = true;
    Runtime.getRuntime().addShutdownHook(new Thread(SharedMemory::removeOwned, "interleave-shm-cleanup"));
    sweepStale();
  }

  /** The segment files this process created so far: a mark for {@link #removeOwnedSince}. */
  public static Set<Path> ownedNow() {
    return Set.copyOf(OWNED);
  }

  /**
   * Removes the segment files this process created since {@code mark}, and their children, as
   * its exit would: the harness calls it when a process it ran in a reused JVM ends, and after
   * each schedule for the schedule's main, whose JVM runs many schedules.
   */
  public static void removeOwnedSince(Set<Path> mark) {
    for (Path p : OWNED) {
      if (!mark.contains(p)) {
        OWNED.remove(p);
        deleteQuietly(p);
        deleteChildren(p.getFileName().toString());
      }
    }
  }

  /** Removes every segment file this process created; its exit path calls it. */
  public static void removeOwned() {
    for (Path p : OWNED) {
      deleteQuietly(p);
      deleteChildren(p.getFileName().toString());
    }
    OWNED.clear();
  }

  private static void deleteChildren(String parentName) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(DIR, parentName + ".*")) {
      for (Path file : files) {
        deleteQuietly(file);
      }
    } catch (IOException e) {
      // children left behind are swept once this process is gone
    }
  }

  /** Deletes segment files whose creating process no longer runs. */
  static int sweepStale() {
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(DIR, PREFIX + "*")) {
      for (Path file : files) {
        ProcessIdentity creator = creatorOf(file.getFileName().toString());
        if (creator != null && !creator.isAlive()) {
          deleteQuietly(file);
          removed++;
        }
      }
    } catch (IOException e) {
      return removed;
    }
    return removed;
  }

  /** Parses the creator out of a segment file name, or null if the name is not ours. */
  public static ProcessIdentity creatorOf(String fileName) {
    String[] parts = fileName.substring(PREFIX.length()).split("-", 3);
    if (parts.length < 3) {
      return null;
    }
    try {
      return new ProcessIdentity(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a file we cannot delete is swept on a later start
    }
  }

  private static Path chooseDir() {
    String configured = System.getProperty("interleave.shm.dir");
    if (configured != null && !configured.isBlank()) {
      return ensure(Paths.get(configured));
    }
    Path shm = Paths.get("/dev/shm");
    if (Files.isDirectory(shm) && Files.isWritable(shm)) {
      return shm;
    }
    return ensure(Paths.get(System.getProperty("java.io.tmpdir")));
  }

  private static Path ensure(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create shared-memory directory " + dir, e);
    }
  }
}
