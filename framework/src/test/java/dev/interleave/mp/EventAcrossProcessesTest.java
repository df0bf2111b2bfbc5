package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(90)
class EventAcrossProcessesTest {
  private final Children children = new Children();
  private final SharedInts ints = new SharedInts(2);

  @AfterEach
  void cleanUp() throws InterruptedException {
    children.killAll();
    ints.release();
  }

  /** Waits for go, then records the value written before set() and acknowledges. */
  static void waitThenAck(Event go, SharedInts ints, Event ack) throws Exception {
    ints.set(1, 1);
    go.await();
    ints.set(1, ints.get(0));
    ack.set();
  }

  @Test
  void setInOneProcessWakesWaitersInOthersAndPublishesEarlierWrites() throws Exception {
    Event go = new Event();
    Event ack1 = new Event();
    Event ack2 = new Event();
    children.start(new Process(EventAcrossProcessesTest::waitThenAck, go, ints, ack1));
    Process second = children.start(new Process(EventAcrossProcessesTest::waitThenAck, go,
        ints, ack2));
    assertThat(ack1.await(Duration.ofMillis(100))).isFalse();
    ints.set(0, 42);
    go.set();
    assertThat(ack1.await(Children.WAIT)).isTrue();
    assertThat(ack2.await(Children.WAIT)).isTrue();
    assertThat(Children.exitCodeOf(second)).isZero();
    assertThat(ints.get(1)).isEqualTo(42);
  }

  static void setAndClear(Event event, Event done) {
    event.set();
    event.clear();
    done.set();
  }

  @Test
  void clearInAChildIsSeenByTheParent() throws Exception {
    Event event = new Event();
    Event done = new Event();
    children.start(new Process(EventAcrossProcessesTest::setAndClear, event, done));
    assertThat(done.await(Children.WAIT)).isTrue();
    assertThat(event.isSet()).isFalse();
    assertThat(event.await(Duration.ofMillis(20))).isFalse();
  }
}
