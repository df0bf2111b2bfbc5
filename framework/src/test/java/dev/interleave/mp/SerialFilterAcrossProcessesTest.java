package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectStreamConstants;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

/** The receiver's deserialization rules and limits, against senders in child JVMs. */
@Timeout(120)
class SerialFilterAcrossProcessesTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @AfterEach
  void clear() {
    System.clearProperty("interleave.serialFilter.trustAll");
  }

  private static <A> Process run(Target.One<A> target, A arg) {
    Process p = new Process(target, arg);
    p.start();
    return p;
  }

  @Test
  void aPipeEndArrivesWithTheReceiversRulesNotTheSenders() throws Exception {
    Pipe p = Pipe.open(true, SerialFilter.defaults().allow("java.text.**"));
    Process child = run(SerialFilterAcrossProcessesTest::receiveAndReport, p.second());
    p.first().send(new SimpleDateFormat("yyyy"));
    String report = p.first().recv();
    assertTrue(report.startsWith("RejectedClassException: class java.text.SimpleDateFormat is"
        + " not allowed"), report);
    assertTrue(child.join(WAIT));
  }

  @Test
  void theTrustAllSwitchAllowsEveryClassInTheProcessThatSetsIt() throws Exception {
    System.setProperty("interleave.serialFilter.trustAll", "true");
    Pipe p = Pipe.open(true);
    Process child = run(SerialFilterAcrossProcessesTest::receiveAndReport, p.second());
    System.clearProperty("interleave.serialFilter.trustAll");
    p.first().send(new SimpleDateFormat("yyyy"));
    assertEquals("received java.text.SimpleDateFormat", p.first().recv());
    assertTrue(child.join(WAIT));
  }

  static void receiveAndReport(Connection c) throws InterruptedException {
    try {
      c.send("received " + c.recv().getClass().getName());
    } catch (RejectedClassException e) {
      c.send("RejectedClassException: " + e.getMessage());
    }
  }

  @Test
  void aTwentyEightByteMessageAnnouncingAHugeArrayIsRejectedWithoutAllocating()
      throws Exception {
    Pipe p = Pipe.open(false);
    byte[] bomb = hugeIntArray();
    assertEquals(28, bomb.length);
    Process child = new Process(SerialFilterAcrossProcessesTest::sendRaw, p.second(), bomb);
    child.start();
    RejectedClassException e = assertThrows(RejectedClassException.class, p.first()::recv);
    assertEquals("message rejected by the deserialization filter: an array of 2147483647"
        + " elements in a message of 27 bytes", e.getMessage());
    assertEquals("after", p.first().recv(), "the connection stays usable");
    assertTrue(child.join(WAIT));
  }

  @Test
  void deeplyNestedSetsAreRejected() throws Exception {
    Pipe p = Pipe.open(false);
    Process child = run(SerialFilterAcrossProcessesTest::sendNestedSets, p.second());
    RejectedClassException e = assertThrows(RejectedClassException.class, p.first()::recv);
    assertEquals("message rejected by the deserialization filter: hash-based collections nested"
        + " more than 12 deep", e.getMessage());
    assertEquals("after", p.first().recv());
    assertTrue(child.join(WAIT));
  }

  @Test
  void librariesAreNotTheApplicationButRecordsAndEnumsAre() {
    assertFalse(SerialFilter.defaults().permits(AssertionFailedError.class),
        "a serializable class of a library jar");
    assertTrue(SerialFilter.defaults().allow("org.opentest4j.*")
        .permits(AssertionFailedError.class));
    assertTrue(SerialFilter.defaults().permits(Point.class));
    assertTrue(SerialFilter.defaults().permits(Duration.class));
  }

  record Point(int x, int y) implements java.io.Serializable {}

  static void sendRaw(Connection c, byte[] payload) throws InterruptedException {
    c.sendBytes(payload);
    c.send("after");
  }

  static void sendNestedSets(Connection c) throws InterruptedException {
    Set<Object> root = new HashSet<>();
    Set<Object> s1 = root;
    Set<Object> s2 = new HashSet<>();
    for (int i = 0; i < 26; i++) {
      Set<Object> t1 = new HashSet<>();
      Set<Object> t2 = new HashSet<>();
      t1.add("x");
      s1.add(t1);
      s1.add(t2);
      s2.add(t1);
      s2.add(t2);
      s1 = t1;
      s2 = t2;
    }
    c.send(root);
    c.send("after");
  }

  /** The Java-serialization tag, then a stream holding an {@code int[Integer.MAX_VALUE]}. */
  private static byte[] hugeIntArray() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(8);
    out.writeShort(ObjectStreamConstants.STREAM_MAGIC);
    out.writeShort(ObjectStreamConstants.STREAM_VERSION);
    out.writeByte(ObjectStreamConstants.TC_ARRAY);
    out.writeByte(ObjectStreamConstants.TC_CLASSDESC);
    out.writeUTF("[I");
    out.writeLong(0x4DBA602676EAB2A5L); // int[]'s serialVersionUID
    out.writeByte(ObjectStreamConstants.SC_SERIALIZABLE);
    out.writeShort(0);
    out.writeByte(ObjectStreamConstants.TC_ENDBLOCKDATA);
    out.writeByte(ObjectStreamConstants.TC_NULL);
    out.writeInt(Integer.MAX_VALUE);
    return bytes.toByteArray();
  }
}
