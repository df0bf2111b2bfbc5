package dev.interleave.internal.harness.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interleave.harness.Gen;
import dev.interleave.harness.History;
import dev.interleave.internal.harness.model.ReplayToken;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Generators over recorded draws, their deletable spans, and trace histories; no JVMs. */
class GenTest {

  private static <T> T fixed(Gen<T> gen, long... draws) {
    return gen.generate(ChoiceSource.fixed(draws));
  }

  @Test
  void aListIsOneDeletableSpanPerElementSoDeletingASpanDeletesThatElement() {
    Gen<List<Integer>> lists = Gen.lists(Gen.ints(0, 9), 0, 12);
    ChoiceSource s = ChoiceSource.random(42);
    List<Integer> drawn = lists.generate(s);
    assertThat(s.spans()).hasSize(drawn.size());
    long[] all = s.draws();
    for (int i = 0; i < drawn.size(); i++) {
      int[] span = s.spans().get(i);
      long[] fewer = new long[all.length - (span[1] - span[0])];
      System.arraycopy(all, 0, fewer, 0, span[0]);
      System.arraycopy(all, span[1], fewer, span[0], all.length - span[1]);
      List<Integer> expected = new java.util.ArrayList<>(drawn);
      expected.remove(i);
      assertThat(fixed(lists, fewer)).as("without element %d", i).isEqualTo(expected);
    }
  }

  @Test
  void loweringAMoreDrawToZeroCutsTheTailAndTheMinimumSizeHolds() {
    Gen<List<Integer>> lists = Gen.lists(Gen.ints(0, 9), 2, 5);
    assertThat(fixed(lists, 1, 4, 1, 5, 1, 6, 0)).containsExactly(4, 5, 6);
    assertThat(fixed(lists, 1, 4, 0, 5, 0)).containsExactly(4, 5); // the minimum ignores 0
    assertThat(fixed(lists)).containsExactly(0, 0);
  }

  @Test
  void setsAndMapsAreDistinctAndStringsUseTheirAlphabet() {
    ChoiceSource s = ChoiceSource.random(7);
    Set<Integer> set = Gen.sets(Gen.ints(0, 3), 2, 4).generate(s);
    assertThat(set).hasSizeBetween(2, 4);
    Map<Integer, String> map = Gen.maps(Gen.ints(0, 5), Gen.strings("ab", 0, 3), 1, 4)
        .generate(s);
    assertThat(map).hasSizeBetween(1, 4);
    assertThat(map.values()).allMatch(v -> v.matches("[ab]{0,3}"));
    assertThat(fixed(Gen.strings("xyz", 0, 5), 1, 2, 1, 0, 0)).isEqualTo("zx");
  }

  @Test
  void aSetThatCannotReachItsMinimumSaysSo() {
    assertThatThrownBy(() -> Gen.sets(Gen.ints(0, 1), 3, 5).generate(ChoiceSource.random(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("could not draw 3 distinct values");
  }

  @Test
  void frequencyFollowsItsWeightsAndShrinksToTheFirst() {
    Gen<String> g = Gen.frequency(Map.entry(3, Gen.just("put")), Map.entry(1, Gen.just("get")));
    assertThat(fixed(g, 0)).isEqualTo("put");
    assertThat(fixed(g, 2)).isEqualTo("put");
    assertThat(fixed(g, 3)).isEqualTo("get");
    assertThatThrownBy(() -> Gen.frequency(Map.entry(0, Gen.just("x"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight > 0");
  }

  @Test
  void aFilterThatRejectsTooMuchFailsWithAClearMessage() {
    Gen<Integer> odd = Gen.ints(0, 9).filter(v -> v % 2 == 1);
    assertThat(fixed(odd, 4, 6, 3)).isEqualTo(3);
    assertThatThrownBy(() -> Gen.ints(0, 9).filter(v -> v > 100).generate(ChoiceSource.random(3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Gen.filter rejected 100 values in a row (the last was ");
  }

  /** A tree of ints, for the recursive generator. */
  private record Tree(int leaf, List<Tree> children) {
    int depth() {
      return 1 + children.stream().mapToInt(Tree::depth).max().orElse(0);
    }
  }

  @Test
  void recursiveValuesStayWithinTheirDepthAndShrinkToALeaf() {
    Gen<Tree> trees = Gen.recursive(Gen.ints(0, 9).map(v -> new Tree(v, List.of())),
        sub -> Gen.lists(sub, 1, 3).map(c -> new Tree(-1, c)), 3);
    ChoiceSource s = ChoiceSource.random(5);
    for (int i = 0; i < 50; i++) {
      assertThat(trees.generate(s).depth()).isLessThanOrEqualTo(4);
    }
    assertThat(fixed(trees)).isEqualTo(new Tree(0, List.of()));
  }

  @Test
  void flatMapZipAndProgramsCompose() {
    Gen<List<Integer>> sized = Gen.ints(1, 3).flatMap(n -> Gen.lists(Gen.just(n), n, n));
    assertThat(fixed(sized, 2)).containsExactly(3, 3, 3);
    Gen<Map.Entry<String, Integer>> op = Gen.zip(Gen.oneOf("put", "get"), Gen.ints(0, 1),
        Map::entry);
    List<List<Map.Entry<String, Integer>>> program = Gen.programs(op, 2, 4, 3)
        .generate(ChoiceSource.random(11));
    assertThat(program).hasSizeBetween(2, 4).allMatch(ops -> ops.size() >= 1 && ops.size() <= 3);
  }

  @Test
  void aReplayTokenCarriesTheRemovedProcesses() {
    ReplayToken t = new ReplayToken(3, new int[] {0, 1}, new long[] {4},
        "invariant~1a", "XHXH").withRemoved(new int[] {2, 5});
    String text = t.format();
    assertThat(text).isEqualTo("3:0.1:4:invariant~1a:XHXH:2,5");
    assertThat(ReplayToken.parse(text).removed()).containsExactly(2, 5);
    assertThat(ReplayToken.parse("3:0.1:4:invariant~1a:XHXH").removed()).isEmpty();
    assertThatThrownBy(() -> ReplayToken.parse("3:0.1:4:invariant~1a:XHXH:0"))
        .hasMessageContaining("removed processes must be numbers >= 1");
  }

  @Test
  void aHistoryCountsWhoIsInsideBetweenAcquireAndRelease() {
    History h = History.of(List.of(
        new History.Step(0, "Process-1", "ACQUIRE", "semaphore#1", "acquire", false, false),
        new History.Step(1, "Process-2", "ACQUIRE", "semaphore#1", "acquire", true, false),
        new History.Step(2, "Process-3", "ACQUIRE", "semaphore#1", "acquire", false, false),
        new History.Step(3, "Process-1", "RELEASE", "semaphore#1", "release", false, false)));
    assertThat(h.inside("semaphore#1")).isEqualTo(1);
    assertThat(h.holders("semaphore#1")).containsOnlyKeys("Process-3");
    assertThat(h.by("Process-1")).hasSize(2);
    assertThat(h.last().toString()).isEqualTo("step 3: Process-1 RELEASE semaphore#1 'release'");
  }
}
