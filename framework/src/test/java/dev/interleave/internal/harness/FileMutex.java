package dev.interleave.internal.harness;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import dev.interleave.mp.Process;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal cross-process mutex for harness tests: held while its file exists (created
 * atomically, holding the holder's name). It calls the scheduling-point hooks as every runtime
 * primitive does, so the harness can block, wake and graph it.
 */
final class FileMutex implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String path;
  private final String id;

  FileMutex(Path file) {
    this.path = file.toString();
    this.id = "lock:" + file.getFileName();
  }

  void acquire() throws InterruptedException {
    if (Points.controlled()) {
      Points.await(Op.ACQUIRE, id, "acquire", this::tryAcquire, -1, holder());
      return;
    }
    Points.point(Op.ACQUIRE, id, "acquire");
    while (!tryAcquire()) {
      Thread.onSpinWait();
    }
  }

  void release() throws IOException {
    Points.point(Op.RELEASE, id, "release");
    Files.delete(Path.of(path));
  }

  private boolean tryAcquire() {
    try {
      Files.writeString(Files.createFile(Path.of(path)), Process.currentProcess().name(),
          StandardCharsets.UTF_8);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String holder() {
    try {
      return Files.readString(Path.of(path)).trim();
    } catch (IOException e) {
      return null;
    }
  }
}
