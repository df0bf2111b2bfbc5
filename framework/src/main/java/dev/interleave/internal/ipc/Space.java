package dev.interleave.internal.ipc;

import com.sun.jna.Native;
import dev.interleave.internal.shm.Libc;
import dev.interleave.internal.shm.Segment;
import dev.interleave.internal.shm.SegmentSpaceException;
import dev.interleave.internal.shm.SharedMemory;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reserves the blocks of a file before it is mapped, so that a full file system fails the call
 * that asked for the space with a clear message, instead of faulting later on a store into the
 * mapping (a {@code SIGBUS} that the JVM reports as {@code java.lang.InternalError}).
 *
 * <p>On Linux this is {@code posix_fallocate(3)} through libc; where that is missing or the file
 * system does not support it, the file is filled with zeros, which allocates the same blocks.
 */
final class Space {
  private static final int ENOSPC = 28;
  private static final int O_RDWR = 2;
  private static final boolean NATIVE = link();

  private Space() {}

  private static boolean link() {
    try {
      Native.register(Space.class, Libc.library());
      return true;
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return false;
    }
  }

  private static native int open(String path, int flags);

  private static native int posix_fallocate(int fd, long offset, long length);

  private static native int close(int fd);

  /**
   * A new shared-memory segment of {@code size} bytes whose blocks are allocated.
   *
   * @throws IpcFailure of kind {@link IpcFailure.Kind#NO_SPACE} if the file system is full (the
   *     file is removed again)
   */
  static Segment segment(String kind, int size) {
    Segment segment;
    try {
      segment = SharedMemory.create(kind, size);
    } catch (SegmentSpaceException e) {
      throw new IpcFailure(IpcFailure.Kind.NO_SPACE, e.getMessage(), e);
    }
    try {
      reserve(segment.path(), size, kind + " segment");
    } catch (IpcFailure f) {
      SharedMemory.release(segment);
      throw f;
    }
    return segment;
  }

  /**
   * Allocates {@code size} bytes of {@code file} (which exists and is not yet mapped).
   *
   * @param what what the file is for, for the message
   * @throws IpcFailure of kind {@link IpcFailure.Kind#NO_SPACE} naming the directory, the size
   *     asked and the space free, if the file system is full
   */
  static void reserve(Path file, long size, String what) {
    int error = NATIVE ? fallocate(file, size) : -1;
    if (error == ENOSPC) {
      throw noSpace(file, size, what, null);
    }
    if (error != 0) {
      fill(file, size, what);
    }
  }

  private static int fallocate(Path file, long size) {
    int fd = open(file.toString(), O_RDWR);
    if (fd < 0) {
      return -1;
    }
    try {
      return posix_fallocate(fd, 0, size);
    } finally {
      close(fd);
    }
  }

  private static void fill(Path file, long size, String what) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      Segment.writeZeros(ch, size);
    } catch (IOException e) {
      throw noSpace(file, size, what, e);
    }
  }

  /** The failure for a file system that cannot hold {@code size} more bytes. */
  static IpcFailure noSpace(Path file, long size, String what, Throwable cause) {
    Path dir = file.toAbsolutePath().getParent();
    return new IpcFailure(IpcFailure.Kind.NO_SPACE, "no space in " + dir + " for the " + size
        + "-byte " + what + " " + file.getFileName() + ": " + free(dir) + " bytes free"
        + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
  }

  /** Bytes free for this user in {@code dir}'s file system, or -1 if unknown. */
  static long free(Path dir) {
    try {
      return Files.getFileStore(dir).getUsableSpace();
    } catch (IOException e) {
      return -1;
    }
  }
}
