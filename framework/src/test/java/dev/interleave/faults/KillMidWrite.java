package dev.interleave.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interleave.mp.Children;
import dev.interleave.mp.Process;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Kills a writer child JVM in the middle of its stream of {@link Payloads}, repeatedly, after a
 * varied delay, while this JVM reads: the rounds of the producer and pipe-writer faults.
 */
final class KillMidWrite {
  /** Item size: far more than a quarter of the 1 MiB ring, so writing one takes many steps. */
  static final int ITEM_BYTES = 4 << 20;

  private final Children children;
  private final Random delays;
  private final List<Long> endNanos = new ArrayList<>();
  private int rounds;
  private int midWrite;
  private long whole;

  KillMidWrite(Children children, long seed) {
    this.children = children;
    this.delays = new Random(seed);
  }

  /** How one stream is read: items into the tally until the end the fault should cause. */
  interface Reader {
    /** Reads until the end of the stream; returns {@link System#nanoTime()} at the end. */
    long readAll(ItemTally tally) throws Exception;
  }

  /**
   * One round: starts {@code writer} and runs {@code afterStart}, reads with {@code reader} on
   * another thread, kills the writer inside a write 0 to 150 ms after the first item arrived
   * (the next write begun after the delay), runs {@code
   * afterKill}, and checks that
   * every item read was whole, none lost or read twice, and that the item being written when the
   * writer died was read whole or not at all.
   */
  void round(Process writer, Progress progress, Reader reader, Runnable afterStart,
      Runnable afterKill) throws Exception {
    children.start(writer);
    afterStart.run();
    ItemTally tally = new ItemTally();
    CompletableFuture<Long> end = CompletableFuture.supplyAsync(() -> {
      try {
        return reader.readAll(tally);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    await("the first item").atMost(Children.WAIT).until(() -> tally.whole() > 0 || end.isDone());
    Thread.sleep(delays.nextInt(150)); // where in the stream the kill lands, varied by the seed
    awaitInsideAWrite(progress);
    long killedAt = System.nanoTime();
    writer.kill();
    assertThat(Children.exitCodeOf(writer)).isEqualTo(-9);
    afterKill.run();
    endNanos.add(end.get(Children.WAIT.toSeconds() * 2, TimeUnit.SECONDS) - killedAt);
    check(tally, progress);
  }

  /** Spins until the writer has begun a write it has not finished, so the kill lands in one. */
  private static void awaitInsideAWrite(Progress progress) {
    long deadline = System.nanoTime() + Children.WAIT.toNanos();
    while (!progress.midOperation()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the writer did not begin a write within " + Children.WAIT);
      }
      Thread.onSpinWait();
    }
  }

  private void check(ItemTally tally, Progress progress) {
    assertThat(tally.corrupt()).as("corrupt items: %s", tally).isZero();
    assertThat(tally.duplicated()).as("duplicated items: %s", tally).isZero();
    assertThat(tally.skipped()).as("items lost in the middle: %s", tally).isZero();
    assertThat(tally.whole()).as("whole items read, against the writes finished (%d) and started"
        + " (%d)", progress.finished(), progress.started())
        .isBetween(progress.finished(), progress.started());
    rounds++;
    whole += tally.whole();
    midWrite += progress.midOperation() ? 1 : 0;
  }

  /** Kills that landed inside a write call. */
  int midWrite() {
    return midWrite;
  }

  /** The figure: rounds, kills inside a write, items, and the time from kill to the end. */
  String figure(String end) {
    return rounds + " kills, " + midWrite + " inside a write of up to " + (ITEM_BYTES >> 20)
        + " MiB; " + whole + " items read, 0 corrupt, 0 lost, 0 duplicated; kill to " + end
        + ": " + Figures.millis(endNanos);
  }
}
