package dev.interleave.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.mp.Lock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HeldAtExitTest {

  @Test
  void closedPrimitivesAreDroppedWhileOpenOnesAreStillKeptAtTheEnd() throws Exception {
    Lock closedA = new Lock();
    Lock closedB = new Lock();
    Lock open = new Lock();
    try {
      int before = HeldAtExit.trackedCount();
      closedA.close();
      closedB.close();
      // (other tests of this JVM may have left primitives held: only these three are checked)
      assertThat(HeldAtExit.keepHeld("task", null)).noneMatch(line -> line.contains(
          name(closedA)) || line.contains(name(closedB)) || line.contains(name(open)));
      assertThat(HeldAtExit.trackedCount()).isLessThanOrEqualTo(before - 2);

      open.acquire();
      List<String> lines = HeldAtExit.keepHeld("task", null);
      assertThat(lines).filteredOn(line -> line.contains(name(open))).singleElement()
          .satisfies(line -> assertThat(line)
              .startsWith("task (pid " + ProcessHandle.current().pid() + ") exited holding")
              .contains("it stays locked until another process releases it"));
    } finally {
      open.close();
    }
  }

  /** {@code Lock[<id>]}, as warnings name it. */
  private static String name(Lock lock) {
    String s = lock.toString();
    return s.substring(0, s.indexOf(']') + 1);
  }
}
