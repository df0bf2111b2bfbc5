package dev.interleave.internal.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Payload encoding, corrupt payloads and class rules. */
class CodecTest {

  private static Object roundTrip(Object o) {
    byte[] b = Codec.encode(o);
    return Codec.decode(b, 0, b.length, ClassRules.DEFAULTS);
  }

  @Test
  void shortFormsAndJavaSerializationRoundTrip() {
    for (Object o : Arrays.asList(null, true, false, 0, -1, Integer.MIN_VALUE, Long.MAX_VALUE, 1.5,
        "", "plain", "naïve", List.of(1, 2))) {
      assertEquals(o, roundTrip(o));
    }
    assertEquals(5, Codec.encode(7).length, "an int takes a tag and four bytes");
    assertArrayEquals(new byte[] {1, 2}, (byte[]) roundTrip(new byte[] {1, 2}));
  }

  @Test
  void twoPartEncodingsDecodeAlike() {
    for (Object o : Arrays.asList(null, 7, -7, 3L, "s", List.of("x"))) {
      Codec.Encoded e = Codec.encodeParts(o);
      byte[] body = Arrays.copyOfRange(e.body(), e.offset(), e.offset() + e.length());
      assertEquals(o, Codec.decode(new Codec.Item(e.tag(), body), ClassRules.DEFAULTS));
    }
    byte[] bytes = {9, 8};
    Codec.Encoded e = Codec.encodeParts(bytes);
    assertSame(bytes, e.body(), "a byte[] is not copied when encoding");
  }

  @Test
  void corruptPayloadsFailClearly() {
    for (byte[] bad : List.of(new byte[0], new byte[] {99}, new byte[] {Codec.INT, 1, 2},
        new byte[] {Codec.NULL, 0}, new byte[] {Codec.JAVA, 1, 2, 3})) {
      IpcFailure f = assertThrows(IpcFailure.class,
          () -> Codec.decode(bad, 0, bad.length, ClassRules.DEFAULTS));
      assertEquals(IpcFailure.Kind.CORRUPT_FRAME, f.kind(), Arrays.toString(bad));
    }
    byte[] cut = Codec.encode(List.of("a", "b", "c"));
    IpcFailure f = assertThrows(IpcFailure.class,
        () -> Codec.decode(cut, 0, cut.length - 3, ClassRules.DEFAULTS));
    assertEquals(IpcFailure.Kind.CORRUPT_FRAME, f.kind(), "a truncated stream is corrupt");
  }

  @Test
  void patternsMatchAsInJdkSerialFilter() {
    assertTrue(ClassRules.matches("a.b.*", "a.b.C"));
    assertFalse(ClassRules.matches("a.b.*", "a.b.c.D"));
    assertTrue(ClassRules.matches("a.b.**", "a.b.c.D"));
    assertTrue(ClassRules.matches("a.b.C*", "a.b.Cat"));
    assertTrue(ClassRules.matches("a.b.C", "a.b.C"));
    assertFalse(ClassRules.matches("a.b.C", "a.b.Cat"));
  }
}
