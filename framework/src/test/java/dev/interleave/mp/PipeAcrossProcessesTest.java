package dev.interleave.mp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pipes between real child JVMs, including peers killed with SIGKILL. */
@Timeout(90)
class PipeAcrossProcessesTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final List<Process> started = new ArrayList<>();
  private final List<Pipe> pipes = new ArrayList<>();

  @AfterEach
  void cleanUp() throws InterruptedException {
    for (Process p : started) {
      if (p.isAlive()) {
        p.kill();
      }
      p.join(WAIT);
    }
    for (Pipe p : pipes) {
      p.first().close();
      p.second().close();
    }
  }

  private Pipe pipe(boolean duplex) {
    Pipe p = Pipe.open(duplex);
    pipes.add(p);
    return p;
  }

  private <A> Process start(Target.One<A> target, A arg) {
    Process p = new Process(target, arg);
    started.add(p);
    p.start();
    return p;
  }

  @Test
  void aChildThatDiesBeforeOpeningItsEndIsEndOfFileOnceItIsGone() throws Exception {
    Pipe p = pipe(false);
    Process child = new Process(IpcChildren::neverRuns, new IpcChildren.HaltOnArrival(),
        p.second());
    started.add(child);
    child.start();
    p.second().close();
    assertTrue(child.join(WAIT));
    assertEquals(OptionalInt.of(IpcChildren.HaltOnArrival.STATUS), child.exitCode(),
        "the child died while reading its arguments, before the pipe end");
    assertTrue(p.first().poll(Duration.ofSeconds(5)), "end of file, not a 60 s reservation");
    assertThrows(ConnectionEOFException.class, () -> p.first().recv());
  }

  @Test
  void aChildSendsObjectsThenItsExitIsEndOfFile() throws Exception {
    Pipe p = pipe(false);
    Process child = start(IpcChildren::sendThree, p.second());
    p.second().close();
    assertEquals("one", p.first().recv());
    assertEquals(Integer.valueOf(2), p.first().recv());
    assertEquals(List.of(3), p.first().recv());
    assertThrows(ConnectionEOFException.class, () -> p.first().recv());
    assertTrue(child.join(WAIT));
    assertEquals(OptionalInt.of(0), child.exitCode());
  }

  @Test
  void aChildEchoesOverADuplexPipe() throws Exception {
    Pipe p = pipe(true);
    Process child = start(IpcChildren::echoUntilNull, p.second());
    p.second().close();
    byte[] big = new byte[3 << 20];
    big[big.length - 1] = 42;
    for (Object o : List.of("a", 1, 2L, List.of("x"))) {
      p.first().send(o);
      assertEquals(o, p.first().recv());
    }
    p.first().send(big);
    assertArrayEquals(big, p.first().recv());
    p.first().send(null);
    assertTrue(child.join(WAIT));
    assertEquals(OptionalInt.of(0), child.exitCode());
  }

  @Test
  void aSenderKilledMidMessageYieldsEndOfFileAndNothingOfTheMessage() throws Exception {
    Pipe p = pipe(false);
    Process child = start2(IpcChildren::sendHuge, p.second(), 64);
    p.second().close();
    assertTrue(p.first().poll(WAIT), "the message has started arriving");
    child.kill();
    assertTrue(child.join(WAIT));
    long t0 = System.nanoTime();
    ConnectionEOFException e = assertThrows(ConnectionEOFException.class,
        () -> p.first().recvBytes());
    assertTrue(e.getMessage().matches(".*\\(the \\d+ of 67108864 bytes received of its last"
        + " message were discarded\\)"), e.getMessage());
    assertThrows(ConnectionEOFException.class, () -> p.first().recv());
    assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "detected within a second of the death: "
        + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }

  @Test
  void aReceiverBlockedOnAKilledSenderGetsEndOfFileWithinASecond() throws Exception {
    Pipe p = pipe(true);
    Process child = start(IpcChildren::readyThenIdle, p.second());
    p.second().close();
    assertEquals("ready", p.first().recv());
    child.kill();
    long t0 = System.nanoTime();
    assertThrows(ConnectionEOFException.class, () -> p.first().recv());
    assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "detected within a second of the death: "
        + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }

  @Test
  void aSenderBlockedOnAKilledReceiverGetsABrokenPipe() throws Exception {
    Pipe p = pipe(true);
    Process child = start(IpcChildren::readyThenIdle, p.second());
    p.second().close();
    assertEquals("ready", p.first().recv());
    AtomicInteger sent = new AtomicInteger();
    Thread killer = new Thread(() -> {
      // four quarter-ring messages fill the 1 MiB ring: the next send blocks
      await().atMost(WAIT).until(() -> sent.get() >= 4);
      child.kill();
    });
    killer.start();
    assertThrows(BrokenPipeException.class, () -> {
      while (true) {
        p.first().sendBytes(new byte[(256 << 10) - 64]);
        sent.incrementAndGet();
      }
    });
    killer.join();
  }

  @Test
  void aChildReceivesEndOfFileWhenTheParentClosesItsEnd() throws Exception {
    Pipe data = pipe(false);
    Pipe report = pipe(false);
    Process child = new Process(IpcChildren::recvUntilEof, data.first(), report.second());
    started.add(child);
    child.start();
    data.first().close();
    report.second().close();
    data.second().send("x");
    data.second().send("y");
    data.second().close();
    assertEquals("EOF after 2", report.first().recv());
    assertTrue(child.join(WAIT));
  }

  private <A, B> Process start2(Target.Two<A, B> target, A a, B b) {
    Process p = new Process(target, a, b);
    started.add(p);
    p.start();
    return p;
  }
}
