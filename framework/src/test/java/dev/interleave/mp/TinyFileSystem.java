package dev.interleave.mp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for one test, to fill a file system for real; the test is skipped where
 * mounting is not allowed (not root, or no tmpfs). Closing unmounts it and removes the mount point.
 */
public final class TinyFileSystem implements AutoCloseable {
  private final Path dir;

  private TinyFileSystem(Path dir) {
    this.dir = dir;
  }

  /** Mounts a tmpfs of {@code kib} KiB, or skips the calling test. */
  public static TinyFileSystem mount(int kib) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("tiny-fs");
    int status = run("mount", "-t", "tmpfs", "-o", "size=" + kib + "k", "tmpfs", dir.toString());
    if (status != 0) {
      Files.delete(dir);
    }
    assumeTrue(status == 0, "cannot mount a tmpfs here (needs root)");
    return new TinyFileSystem(dir);
  }

  public Path dir() {
    return dir;
  }

  private static int run(String... command) throws IOException, InterruptedException {
    java.lang.Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (run("umount", dir.toString()) != 0) {
      run("umount", "-l", dir.toString());
    }
    Files.deleteIfExists(dir);
  }
}
