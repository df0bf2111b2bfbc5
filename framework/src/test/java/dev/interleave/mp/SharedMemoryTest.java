package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interleave.internal.shared.Blocks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class SharedMemoryTest {
  private final Children children = new Children();
  private final List<SharedMemory> made = new ArrayList<>();

  @AfterEach
  void cleanUp() throws InterruptedException {
    children.killAll();
    for (SharedMemory shm : made) {
      Blocks.unlink(shm.name());
    }
  }

  private SharedMemory track(SharedMemory shm) {
    made.add(shm);
    return shm;
  }

  static void doubleFirstByte(String name) {
    try (SharedMemory shm = SharedMemory.attach(name)) {
      shm.buf().put(0, (byte) (shm.buf().get(0) * 2));
    }
  }

  @Test
  void aChildAttachesByNameAndWritesTheSameBytes() throws Exception {
    SharedMemory shm = track(SharedMemory.create(16));
    assertThat(shm.name()).startsWith("psm_");
    assertThat(shm.size()).isEqualTo(16);
    shm.buf().put(0, (byte) 21);
    assertThat(Children.exitCodeOf(children.start(
        new Process(SharedMemoryTest::doubleFirstByte, shm.name())))).isZero();
    assertThat(shm.buf().get(0)).isEqualTo((byte) 42);
  }

  @Test
  void closeEndsThisProcessesUseAndUnlinkDestroysTheName() {
    SharedMemory shm = track(SharedMemory.create("/interleave_test_close", 8));
    assertThat(shm.name()).isEqualTo("interleave_test_close");
    SharedMemory other = SharedMemory.attach("interleave_test_close");
    other.close();
    assertThatThrownBy(other::buf).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was closed in this process");
    shm.buf().put(1, (byte) 7);
    shm.unlink();
    assertThat(shm.buf().get(1)).isEqualTo((byte) 7);
    assertThatThrownBy(() -> SharedMemory.attach("interleave_test_close"))
        .isInstanceOf(SharedMemoryNotFoundException.class)
        .hasMessage("no shared memory block is named 'interleave_test_close' (it was never"
            + " created, or was unlinked)");
    assertThatThrownBy(shm::unlink).isInstanceOf(SharedMemoryNotFoundException.class);
  }

  @Test
  void badNamesSizesAndCollisionsAreRefused() {
    track(SharedMemory.create("interleave_test_taken", 8));
    assertThatThrownBy(() -> SharedMemory.create("interleave_test_taken", 8))
        .isInstanceOf(SharedMemoryExistsException.class)
        .hasMessage("a shared memory block named 'interleave_test_taken' already exists");
    assertThatThrownBy(() -> SharedMemory.create("interleave_test_x", 0))
        .hasMessage("the size of a shared memory block must be positive but was: 0");
    assertThatThrownBy(() -> SharedMemory.create(-5))
        .hasMessage("the size of a shared memory block must be positive but was: -5");
    assertThatThrownBy(() -> SharedMemory.create("../etc", 8))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"../etc\"");
  }

  static void createAndExit(String name) {
    SharedMemory.create(name, 8);
  }

  static void createAndHang(String name, Event made, Event never) throws Exception {
    SharedMemory.create(name, 8);
    made.set();
    never.await();
  }

  @Test
  void aBlockItsCreatorLeakedIsUnlinkedAtItsExit() throws Exception {
    assertThat(Children.exitCodeOf(children.start(
        new Process(SharedMemoryTest::createAndExit, "interleave_test_leak")))).isZero();
    assertThat(Blocks.exists("interleave_test_leak")).isFalse();
  }

  @Test
  void aBlockOfAKilledCreatorIsSweptByTheNextCreate() throws Exception {
    Event made = new Event();
    Process p = children.start(new Process(SharedMemoryTest::createAndHang,
        "interleave_test_killed", made, new Event()));
    assertThat(made.await(Children.WAIT)).isTrue();
    assertThat(Blocks.exists("interleave_test_killed")).isTrue();
    p.kill();
    assertThat(Children.exitCodeOf(p)).isEqualTo(-9);
    assertThat(Blocks.exists("interleave_test_killed")).isTrue();
    Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> {
      track(SharedMemory.create(8));
      return !Blocks.exists("interleave_test_killed");
    });
  }

  static void editList(ShareableList sl) {
    sl.set(0, (Integer) sl.get(0) + 1);
    sl.set(2, "hi");
    sl.set(3, null);
  }

  @Test
  void aShareableListTravelsToAChildAndHoldsEachType() throws Exception {
    ShareableList sl = ShareableList.create(Arrays.asList(41, 2.5, "hello", true, 7L,
        "é".getBytes(StandardCharsets.UTF_8), null));
    track(sl.shm());
    assertThat(Children.exitCodeOf(children.start(
        new Process(SharedMemoryTest::editList, sl)))).isZero();
    assertThat(sl.subList(0, 5)).containsExactly(42, 2.5, "hi", null, 7L);
    assertThat((byte[]) sl.get(5)).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
    assertThat(sl.get(6)).isNull();
    assertThat(ShareableList.attach(sl.shm().name()).get(0)).isEqualTo(42);
  }

  @Test
  void aShareableListRefusesWhatDoesNotFit() {
    ShareableList sl = track2(ShareableList.create(List.of("abc", 1)));
    assertThatThrownBy(() -> sl.set(0, "a string much longer than eight bytes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ShareableList slot 0 holds at most 8 bytes");
    assertThatThrownBy(() -> sl.set(1, new Object()))
        .hasMessageContaining("element 1: a ShareableList holds null, Boolean, Integer, Long,"
            + " Double, String or byte[] but was: java.lang.Object");
    assertThatThrownBy(() -> sl.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> sl.add(3)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(sl).containsExactly("abc", 1);
    assertThat(sl.count(1)).isEqualTo(1);
  }

  private ShareableList track2(ShareableList sl) {
    track(sl.shm());
    return sl;
  }
}
