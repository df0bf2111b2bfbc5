package dev.interleave.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.interleave.mp.Target;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Target lambdas survive serialization as direct calls, whatever their shape. */
class DirectTargetTest implements Serializable {
  private static final long serialVersionUID = 1L;
  static final List<String> CALLS = new ArrayList<>();
  private final String tag = "instance";

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T target) throws Exception {
    byte[] bytes = Serialization.serialize(target);
    return (T) Serialization.deserialize(bytes, DirectTargetTest.class.getClassLoader());
  }

  static void record(String value) {
    CALLS.add(value);
  }

  @Test
  void staticMethodReferenceAndCapturingLambda() throws Exception {
    CALLS.clear();
    Target.One<String> ref = roundTrip((Target.One<String>) DirectTargetTest::record);
    ref.run("ref");
    String captured = "captured";
    Target.Two<String, Integer> lambda = roundTrip((Target.Two<String, Integer>) (a, b) -> record(captured + a + b));
    lambda.run("-", 2);
    assertEquals(List.of("ref", "captured-2"), CALLS);
    assertThat(ref.getClass().getSimpleName()).isEqualTo("DirectTarget");
  }

  @Test
  void lambdaCapturingThisAndUnboundInstanceReference() throws Exception {
    CALLS.clear();
    Target.Zero usesThis = roundTrip((Target.Zero) () -> record(tag));
    usesThis.run();
    Target.One<AtomicInteger> unbound = roundTrip((Target.One<AtomicInteger>) AtomicInteger::incrementAndGet);
    AtomicInteger counter = new AtomicInteger();
    unbound.run(counter);
    assertEquals(List.of("instance"), CALLS);
    assertEquals(1, counter.get());
  }

  @Test
  void constructorReferenceAndThrownExceptionsPassThrough() throws Exception {
    Target.One<String> ctor = roundTrip((Target.One<String>) StringBuilder::new);
    ctor.run("x");
    Target.Zero fails = roundTrip((Target.Zero) () -> {
      throw new java.io.IOException("from target");
    });
    var e = assertThrows(java.io.IOException.class, fails::run);
    assertEquals("from target", e.getMessage());
  }
}
