package dev.interleave.internal.ipc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A file mapped shared into this process, outside the shared-memory directory (a queue's spill
 * logs live where the user says). The mapping stays valid after the file is deleted.
 *
 * @param name the file's name
 * @param path the file
 * @param buffer the mapping, of the whole file
 */
record MappedFile(String name, Path path, MappedByteBuffer buffer) {
  private static final Set<StandardOpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW,
      StandardOpenOption.READ, StandardOpenOption.WRITE);

  int size() {
    return buffer.capacity();
  }

  /**
   * Creates {@code path} (mode 0600 where modes exist) with {@code size} bytes allocated, and
   * maps it.
   *
   * @throws IpcFailure of kind {@link IpcFailure.Kind#NO_SPACE} if the file system is full
   */
  static MappedFile create(Path path, int size, String what) {
    try (FileChannel ch = FileChannel.open(path, CREATE, ownerOnly(path.getParent()))) {
      try {
        Space.reserve(path, size, what);
        return new MappedFile(path.getFileName().toString(), path,
            ch.map(FileChannel.MapMode.READ_WRITE, 0, size));
      } catch (IpcFailure | IOException e) {
        Files.deleteIfExists(path);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + what + " " + path, e);
    }
  }

  /**
   * Maps an existing file.
   *
   * @throws IllegalStateException if the file no longer exists
   */
  static MappedFile attach(Path path) {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      return new MappedFile(path.getFileName().toString(), path,
          ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size()));
    } catch (NoSuchFileException e) {
      throw new IllegalStateException(path + " no longer exists", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot map " + path, e);
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path dir) {
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
  }
}
