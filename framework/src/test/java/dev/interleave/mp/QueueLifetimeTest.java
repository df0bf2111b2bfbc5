package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A queue's shared-memory file goes once no live process holds the queue and no handle of it is
 * in transit, and not before; holders are real child JVMs.
 */
@Timeout(180)
class QueueLifetimeTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @RegisterExtension
  final Children children = new Children();

  private Process start(Process p) {
    return children.start(p);
  }

  private static Path file(Queue<?> q) {
    return q.channel.segment().path();
  }

  /**
   * Starts {@code holder}, which announces on {@code q} once it holds it, then closes this
   * process's handle: the file stays, the child holding it.
   */
  private Process holderAfterTheCreatorCloses(Process holder, Queue<String> q)
      throws InterruptedException {
    Path file = file(q);
    Process child = start(holder);
    assertEquals("attached", q.get(WAIT));
    q.close();
    assertTrue(Files.exists(file), "the child holds it: the file stays");
    return child;
  }

  @Test
  void closingTheOnlyHandleRemovesTheFileAndOtherHandlesOfTheProcessKeepIt() throws Exception {
    Queue<String> q = new Queue<>();
    Queue<String> copy = Copies.of(q);
    Path file = file(q);
    q.put("left behind");
    q.close();
    assertTrue(Files.exists(file), "a second handle of this process still holds it");
    assertEquals("left behind", copy.get(WAIT));
    copy.close();
    assertFalse(Files.exists(file), "no handle left anywhere: the file is gone");
  }

  @Test
  void aChildHoldingTheQueueKeepsItAfterTheCreatorClosesAndItsCloseRemovesIt() throws Exception {
    Queue<String> q = new Queue<>();
    Event go = new Event();
    Path file = file(q);
    Process child = holderAfterTheCreatorCloses(
        new Process(QueueLifetimeTest::announceWaitAndClose, q, go), q);
    go.set();
    assertTrue(child.join(WAIT));
    assertEquals(OptionalInt.of(0), child.exitCode());
    assertFalse(Files.exists(file), "the child closed the last handle: the file is gone");
  }

  static void announceWaitAndClose(Queue<String> q, Event go) throws InterruptedException {
    q.put("attached");
    go.await();
    q.close();
  }

  @Test
  void aChildThatExitedHoldsNothingSoTheCreatorsCloseRemovesTheFile() throws Exception {
    Queue<String> q = new Queue<>();
    Path file = file(q);
    Process child = start(new Process(QueueLifetimeTest::announce, q));
    assertEquals("attached", q.get(WAIT));
    assertTrue(child.join(WAIT));
    assertTrue(Files.exists(file), "the creator holds it: the file stays");
    q.close();
    assertFalse(Files.exists(file), "its other holder exited without closing: the file is gone");
  }

  static void announce(Queue<String> q) throws InterruptedException {
    q.put("attached");
  }

  @Test
  void aHolderKilledAfterTheCreatorClosedStillLetsTheFileGoWhileTheCreatorLives()
      throws Exception {
    Queue<String> q = new Queue<>();
    Event never = new Event();
    Path file = file(q);
    Process child = holderAfterTheCreatorCloses(
        new Process(QueueLifetimeTest::announceAndWait, q, never), q);
    child.kill(); // it never closes its handle
    assertTrue(child.join(WAIT));
    assertEquals(OptionalInt.of(-9), child.exitCode());
    // its last holder is gone: the creator, which goes on living, removes the file
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> !Files.exists(file));
    never.close();
  }

  static void announceAndWait(Queue<String> q, Event never) throws InterruptedException {
    q.put("attached");
    never.await();
  }

  @Test
  void aHandleInTransitInsideAnItemKeepsTheQueueUntilItsReceiverClosesIt() throws Exception {
    Queue<String> inner = new Queue<>();
    Queue<Queue<String>> carrier = new Queue<>();
    Path file = file(inner);
    carrier.put(inner);
    inner.close();
    assertTrue(Files.exists(file), "a handle of it is in transit: the file stays");
    Process child = start(new Process(QueueLifetimeTest::takeUseAndClose, carrier));
    assertTrue(child.join(WAIT));
    assertEquals(OptionalInt.of(0), child.exitCode());
    assertFalse(Files.exists(file), "its receiver closed the last handle: the file is gone");
    carrier.close();
  }

  static void takeUseAndClose(Queue<Queue<String>> carrier) throws InterruptedException {
    Queue<String> inner = carrier.get(WAIT);
    inner.put("used");
    if (!"used".equals(inner.get(WAIT))) {
      throw new IllegalStateException("the queue lost its item");
    }
    inner.close();
    carrier.close();
  }
}
