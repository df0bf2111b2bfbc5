package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;
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

  @Test
  void anEndHeldByAKilledChildStillLetsTheFileGoWhileTheCreatorLives() throws Exception {
    Set<Path> before = PipeFiles.mine();
    Pipe pipe = Pipe.open();
    Path file = PipeFiles.added(before);
    Event never = new Event();
    Process child = children.start(new Process(PipeLifetimeTest::announceAndWait,
        pipe.second(), never));
    assertEquals("attached", pipe.first().recv());
    pipe.first().close();
    pipe.second().close();
    assertTrue(Files.exists(file), "the child holds an end: the file stays");
    child.kill(); // it never closes its end
    assertTrue(child.join(WAIT));
    assertEquals(OptionalInt.of(-9), child.exitCode());
    // its last holder is gone: this process, which goes on living, removes the file
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(file));
    never.close();
  }

  static void announceAndWait(Connection end, Event never) throws Exception {
    end.send("attached");
    never.await();
  }
}
