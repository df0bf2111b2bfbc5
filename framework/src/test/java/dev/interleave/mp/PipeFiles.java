package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.internal.shm.SharedMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The shared-memory files of the pipes this JVM created, for tests of a pipe's file. */
final class PipeFiles {
  private PipeFiles() {}

  /** The pipe files this JVM created that exist now. */
  static Set<Path> mine() throws IOException {
    String prefix = SharedMemory.PREFIX + ProcessHandle.current().pid() + "-";
    try (Stream<Path> files = Files.list(SharedMemory.directory())) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)
          && f.getFileName().toString().contains("-pipe-")).collect(Collectors.toSet());
    }
  }

  /**
   * The one pipe file this JVM has now and did not have in {@code before} (asserts there is
   * exactly one): the file of the pipe opened in between, whatever other pipes' files come and
   * go meanwhile.
   */
  static Path added(Set<Path> before) throws IOException {
    Set<Path> added = new HashSet<>(mine());
    added.removeAll(before);
    assertEquals(1, added.size(), "one new pipe file: " + added);
    return added.iterator().next();
  }
}
