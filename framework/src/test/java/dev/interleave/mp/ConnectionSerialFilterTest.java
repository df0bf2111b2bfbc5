package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The deserialization filter on connections. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectionSerialFilterTest {

  static final AtomicInteger READS = new AtomicInteger();

  /** Counts how often an instance is deserialized. */
  static final class Tracked implements Serializable {
    private static final long serialVersionUID = 1L;

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      READS.incrementAndGet();
    }
  }

  @Test
  void aRejectedApplicationClassIsNeverInstantiated() throws Exception {
    SerialFilter filter = SerialFilter.defaults().reject(Tracked.class.getName());
    Pipe p = Pipe.open(true, filter);
    try {
      READS.set(0);
      p.first().send(List.of("wrapper", new Tracked()));
      RejectedClassException e = assertThrows(RejectedClassException.class,
          () -> p.second().recv());
      assertEquals("class " + Tracked.class.getName() + " is not allowed by the deserialization"
          + " filter; it was not instantiated", e.getMessage());
      assertEquals(0, READS.get());
      p.first().send("next");
      assertEquals("next", p.second().recv(), "the connection stays usable");
    } finally {
      p.first().close();
      p.second().close();
    }
  }

  @Test
  void jdkClassesOutsideTheAllowListAreRejectedByDefault() throws Exception {
    Pipe p = Pipe.open(true);
    try {
      p.first().send(new SimpleDateFormat("yyyy"));
      RejectedClassException e = assertThrows(RejectedClassException.class,
          () -> p.second().recv());
      assertTrue(e.getMessage().startsWith("class java.text."), e.getMessage());
    } finally {
      p.first().close();
      p.second().close();
    }
  }

  @Test
  void applicationClassesAreAllowedByDefaultButNotByJdkOnly() {
    assertTrue(SerialFilter.defaults().permits(Tracked.class));
    assertTrue(SerialFilter.defaults().permits(Tracked[][].class));
    assertFalse(SerialFilter.jdkOnly().permits(Tracked.class));
    assertTrue(SerialFilter.jdkOnly().allow("dev.interleave.mp.*").permits(Tracked.class));
    assertTrue(SerialFilter.jdkOnly().permits(java.util.HashMap.class));
    assertFalse(SerialFilter.defaults().permits(javax.management.BadAttributeValueExpException.class));
    assertFalse(SerialFilter.none().permits(String.class));
    assertTrue(SerialFilter.none().permits(int[].class));
  }

  @Test
  void malformedPatternsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SerialFilter.defaults().allow("com.*.Foo"));
    assertEquals("class pattern must be a name, a.b.*, a.b.** or a prefix*, but was: com.*.Foo",
        e.getMessage());
  }
}
