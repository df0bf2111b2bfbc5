package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.internal.shm.SharedMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A pipe's shared-memory file goes with its last holder, also when that holder is a child JVM
 * killed without closing its end.
 */
@Timeout(180)
class PipeLifetimeTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @RegisterExtension
  final Children children = new Children();

  /** The pipe files this JVM created that still exist. */
  private static long myPipeFiles() throws IOException {
    String prefix = SharedMemory.PREFIX + ProcessHandle.current().pid() + "-";
    try (Stream<Path> files = Files.list(SharedMemory.directory())) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith(prefix) && n.contains("-pipe-")).count();
    }
  }

  @Test
  void anEndHeldByAKilledChildStillLetsTheFileGoWhileTheCreatorLives() throws Exception {
    long before = myPipeFiles();
    Pipe pipe = Pipe.open();
    Event never = new Event();
    Process child = children.start(new Process(PipeLifetimeTest::announceAndWait,
        pipe.second(), never));
    assertEquals("attached", pipe.first().recv());
    pipe.first().close();
    pipe.second().close();
    assertEquals(before + 1, myPipeFiles(), "the child holds an end: the file stays");
    child.kill(); // it never closes its end
    assertTrue(child.join(WAIT));
    assertEquals(OptionalInt.of(-9), child.exitCode());
    // its last holder is gone: this process, which goes on living, removes the file
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> myPipeFiles() == before);
    never.close();
  }

  static void announceAndWait(Connection end, Event never) throws Exception {
    end.send("attached");
    never.await();
  }
}
