package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Passing connection ends through serialization, as a child receives them. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectionHandOffTest {

  static Object roundTrip(Object o) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }

  @Test
  void aDeserializedEndIsANewHandleOfTheSameEnd() throws Exception {
    Pipe p = Pipe.open(false);
    Connection copy = (Connection) roundTrip(p.second());
    assertNotSame(p.second(), copy);
    assertTrue(copy.writable());
    assertFalse(copy.readable());
    p.second().close();
    copy.send("through the copy");
    assertEquals("through the copy", p.first().recv());
    assertFalse(p.first().poll(), "the copy still holds the sending end");
    copy.close();
    assertThrows(ConnectionEOFException.class, () -> p.first().recv());
    p.first().close();
  }

  @Test
  void anEndInTransitKeepsTheOtherSideFromSeeingEndOfFile() throws Exception {
    Pipe p = Pipe.open(false);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(p.second());
    }
    p.second().close();
    assertFalse(p.first().poll(), "the serialized end is reserved until it is opened");
    Connection opened;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      opened = (Connection) in.readObject();
    }
    opened.close();
    assertThrows(ConnectionEOFException.class, () -> p.first().recv());
    p.first().close();
  }

  @Test
  void aClosedConnectionCannotBeSerialized() {
    Pipe p = Pipe.open();
    p.first().close();
    assertThrows(NotSerializableException.class, () -> roundTrip(p.first()));
    p.second().close();
  }
}
