package dev.interleave.internal.shared;

import dev.interleave.internal.shm.ProcessIdentity;
import dev.interleave.internal.shm.SharedMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Named shared-memory blocks: files {@code interleave-sm-<name>} beside the primitives' segments,
 * each with a 32-byte header, then the user's bytes.
 *
 * <pre>
 *   0               4               8                               16
 *  +---------------+---------------+-------------------------------+
 *  | magic         | (reserved)    | size of the user's bytes      |
 *  +---------------+---------------+-------------------------------+
 *  | creator pid                   | creator start (epoch millis)  |
 *  +-------------------------------+-------------------------------+
 * </pre>
 *
 * <p>A block lives until it is unlinked or its creator exits: the creator unlinks the blocks it
 * did not unlink when it exits (reporting them as leaked, as CPython's resource tracker does),
 * and blocks of a creator killed with {@code kill -9} are removed by the next process that
 * creates a block. (The primitives' sweep ignores these files: their names carry no pid.)
 */
public final class Blocks {
  /** File name prefix of blocks. */
  public static final String PREFIX = SharedMemory.PREFIX + "sm-";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]{0,199}");
  private static final int MAGIC = 0x494c534d; // "ILSM"
  private static final int HEADER = 32;
  private static final Set<String> OWNED = ConcurrentHashMap.newKeySet();
  private static volatile boolean hooked;

  private Blocks() {}

  /** A mapped block: its name and the user's bytes. */
  public record Mapped(String name, ByteBuffer bytes) {}

  /** CPython's names may start with '/' on POSIX; the rest must be a plain file name. */
  public static String checkName(String name) {
    String bare = name.startsWith("/") ? name.substring(1) : name;
    if (!NAME.matcher(bare).matches()) {
      throw new IllegalArgumentException("a shared memory name must be 1 to 200 letters, digits,"
          + " '_', '.' or '-' (after an optional leading '/') but was: \"" + name + "\"");
    }
    return bare;
  }

  /**
   * Creates the block {@code name} of {@code size} zeroed bytes, owned by this process.
   *
   * @throws FileAlreadyExistsException if a block of that name exists
   */
  public static Mapped create(String name, int size) throws FileAlreadyExistsException {
    hook();
    sweep();
    Path path = path(name);
    try (FileChannel ch = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW,
        StandardOpenOption.READ, StandardOpenOption.WRITE),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
      ch.truncate(HEADER + (long) size);
      ByteBuffer all = ch.map(FileChannel.MapMode.READ_WRITE, 0, HEADER + (long) size)
          .order(ByteOrder.nativeOrder());
      ProcessIdentity me = ProcessIdentity.current();
      all.putLong(8, size).putLong(16, me.pid()).putLong(24, me.startMillis()).putInt(0, MAGIC);
      OWNED.add(name);
      return new Mapped(name, all.position(HEADER).slice());
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create shared memory block " + path, e);
    }
  }

  /**
   * Maps the existing block {@code name}.
   *
   * @throws NoSuchFileException if there is none
   */
  public static Mapped attach(String name) throws NoSuchFileException {
    Path path = path(name);
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      ByteBuffer all = ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size())
          .order(ByteOrder.nativeOrder());
      if (ch.size() < HEADER || all.getInt(0) != MAGIC) {
        throw new IllegalStateException("shared memory block " + name + " is not initialized");
      }
      return new Mapped(name, all.position(HEADER).limit(HEADER + (int) all.getLong(8)).slice());
    } catch (NoSuchFileException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot map shared memory block " + path, e);
    }
  }

  /** Removes the block's name; returns false if it was already gone. */
  public static boolean unlink(String name) {
    OWNED.remove(name);
    try {
      return Files.deleteIfExists(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unlink shared memory block " + name, e);
    }
  }

  /** Whether a block of that name exists. */
  public static boolean exists(String name) {
    return Files.exists(path(name));
  }

  private static Path path(String name) {
    return SharedMemory.directory().resolve(PREFIX + name);
  }

  private static synchronized void hook() {
    if (!hooked) {
      hooked = true;
      Runtime.getRuntime().addShutdownHook(new Thread(Blocks::unlinkLeaked, "interleave-sm-exit"));
    }
  }

  /** At exit: unlinks the blocks this process created and did not unlink, saying so. */
  static void unlinkLeaked() {
    for (String name : OWNED) {
      if (unlink(name)) {
        System.err.println("interleave: shared memory block '" + name + "' was not unlinked by"
            + " the process that created it; unlinked at its exit");
      }
    }
  }

  /** Removes blocks whose creator no longer runs; returns how many. */
  public static int sweep() {
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(SharedMemory.directory(),
        PREFIX + "*")) {
      for (Path file : files) {
        ProcessIdentity creator = creatorOf(file);
        if (creator != null && !creator.isAlive() && Files.deleteIfExists(file)) {
          removed++;
        }
      }
    } catch (IOException e) {
      return removed;
    }
    return removed;
  }

  private static ProcessIdentity creatorOf(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.nativeOrder());
      if (ch.read(header, 0) < HEADER || header.getInt(0) != MAGIC) {
        return null;
      }
      return new ProcessIdentity(header.getLong(16), header.getLong(24));
    } catch (IOException e) {
      return null;
    }
  }
}
