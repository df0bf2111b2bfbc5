package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Serialization failures and the deserialization filter between real child JVMs. */
@Timeout(60)
class SerializationAcrossProcessesTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void anUnserializableItemFailsInTheChildsPutAndNothingReachesTheQueue() throws Exception {
    Queue<Object> q = new Queue<>();
    Pipe report = Pipe.open(false);
    Process child = new Process(IpcChildren::putUnserializable, q, report.second());
    child.start();
    report.second().close();
    String message = report.first().recv();
    assertTrue(message.contains("java.lang.Object is not Serializable"), message);
    assertEquals("good", q.get(WAIT), "the failed item left no trace");
    assertTrue(child.join(WAIT));
    assertEquals(OptionalInt.of(0), child.exitCode());
    report.first().close();
  }

  @Test
  void aClassRejectedByTheReceiversFilterIsNeverInstantiatedThere() throws Exception {
    Pipe p = Pipe.open(false, SerialFilter.defaults()
        .reject(ConnectionSerialFilterTest.Tracked.class.getName()));
    ConnectionSerialFilterTest.READS.set(0);
    Process child = new Process(IpcChildren::sendRejected, p.second());
    child.start();
    p.second().close();
    RejectedClassException e = assertThrows(RejectedClassException.class, () -> p.first().recv());
    assertTrue(e.getMessage().contains("ConnectionSerialFilterTest$Tracked"), e.getMessage());
    assertEquals(0, ConnectionSerialFilterTest.READS.get());
    assertEquals("plain", p.first().recv());
    assertTrue(child.join(WAIT));
    p.first().close();
  }
}
