package dev.interleave.internal.harness.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectNamesTest {

  @Test
  void primitivesAreNamedInOrderOfFirstUse() {
    ObjectNames names = new ObjectNames();
    assertThat(names.name("interleave-12-345-lock-7")).isEqualTo("lock#1");
    assertThat(names.name("queue:12-345-queue-9")).isEqualTo("queue#1");
    assertThat(names.name("interleave-12-345-lock-8")).isEqualTo("lock#2");
    assertThat(names.name("interleave-12-345-lock-7")).isEqualTo("lock#1");
  }

  @Test
  void pipeEndsShareTheirPipesNumber() {
    ObjectNames names = new ObjectNames();
    assertThat(names.name("pipe:12-345-pipe-327:1")).isEqualTo("pipe#1:1");
    assertThat(names.name("pipe:12-345-pipe-327:0")).isEqualTo("pipe#1:0");
    assertThat(names.name("pipe:12-345-pipe-328:0")).isEqualTo("pipe#2:0");
  }

  @Test
  void aSendOnOnePipeEndWakesAReceiveOnTheOther() {
    assertThat(Proc.channel("pipe#1:0")).isEqualTo(Proc.channel("pipe#1:1"));
    assertThat(Proc.channel("pipe#1:0")).isNotEqualTo(Proc.channel("pipe#2:0"));
    assertThat(Proc.channel("queue#1")).isEqualTo("queue#1");
  }

  @Test
  void socketsAndListenersAreNamedInOrderOfFirstUse() {
    ObjectNames names = new ObjectNames();
    assertThat(names.name("socket:listener.sock#17")).isEqualTo("socket#1");
    assertThat(names.name("listener:41231")).isEqualTo("listener#1");
    assertThat(names.name("socket:listener.sock#9")).isEqualTo("socket#2");
    assertThat(names.name("socket:listener.sock#17")).isEqualTo("socket#1");
  }

  @Test
  void aSendOnAnySocketWakesAReceiveOnAnother() {
    assertThat(Proc.channel("socket#1")).isEqualTo(Proc.channel("socket#2"));
  }
}
