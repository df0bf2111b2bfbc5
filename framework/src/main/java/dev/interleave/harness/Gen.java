package dev.interleave.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * A generator of scenario parameters. Values are built from a stream of draws (integers in a
 * range) that the harness records in the replay token; shrinking deletes and lowers draws and
 * rebuilds the value, so every generator shrinks without a shrinker of its own: collections
 * lose whole elements (each element's draws are one span the shrinker may delete), then each
 * draw is lowered toward the low end of its range, shorter strings, earlier alternatives.
 *
 * <p>All draws come from the run's one seed, so the same seed draws the same inputs.
 */
@API(status = API.Status.EXPERIMENTAL)
@FunctionalInterface
public interface Gen<T> {

  /** Builds a value from {@code source}'s draws. */
  T generate(Source source);

  /** The draws behind a value. Implemented only by the harness. */
  @API(status = API.Status.EXPERIMENTAL)
  interface Source {
    /** A draw in {@code [0, bound)}; smaller is simpler. */
    long draw(long bound);

    /**
     * Opens a span: the draws made until the matching {@link #endSpan(boolean)} build one
     * element of a collection. Spans nest.
     */
    default void startSpan() {}

    /**
     * Closes the innermost open span; if {@code deletable}, shrinking may delete its draws
     * whole, which removes the element they built.
     */
    default void endSpan(boolean deletable) {}
  }

  /** Always {@code value}; draws nothing. */
  static <T> Gen<T> just(T value) {
    return s -> value;
  }

  /** Integers in {@code [min, max]}, shrinking toward {@code min}. */
  static Gen<Integer> ints(int min, int max) {
    if (max < min) {
      throw new IllegalArgumentException("max must be >= min but was: " + max + " < " + min);
    }
    return s -> (int) (min + s.draw((long) max - min + 1));
  }

  /** Longs in {@code [min, max]}, shrinking toward {@code min}. */
  static Gen<Long> longs(long min, long max) {
    if (max < min || max - min < 0 || max - min == Long.MAX_VALUE) {
      throw new IllegalArgumentException("max must be >= min, spanning less than 2^63 - 1, but"
          + " was: [" + min + ", " + max + "]");
    }
    return s -> min + s.draw(max - min + 1);
  }

  /** Booleans, shrinking toward false. */
  static Gen<Boolean> booleans() {
    return s -> s.draw(2) == 1;
  }

  /** One of {@code values}, shrinking toward the first. */
  @SafeVarargs
  static <T> Gen<T> oneOf(T... values) {
    List<T> copy = GenSupport.nonEmpty("values", List.of(values));
    return s -> copy.get((int) s.draw(copy.size()));
  }

  /** A value of one of {@code gens}, chosen uniformly, shrinking toward the first. */
  @SafeVarargs
  static <T> Gen<T> choose(Gen<? extends T>... gens) {
    List<Gen<? extends T>> copy = GenSupport.nonEmpty("gens", List.of(gens));
    return s -> copy.get((int) s.draw(copy.size())).generate(s);
  }

  /**
   * A value of one of the generators, chosen with the given weights ({@code Map.entry(3,
   * Gen.just("get"))}: three times as likely as a weight of 1), shrinking toward the first.
   *
   * @throws IllegalArgumentException if there is no choice or a weight is not positive
   */
  @SafeVarargs
  static <T> Gen<T> frequency(Map.Entry<Integer, Gen<? extends T>>... weighted) {
    return GenSupport.frequency(List.of(weighted));
  }

  /**
   * Lists of {@code minSize..maxSize} elements. Shrinking deletes elements (anywhere in the
   * list), then simplifies those that are left.
   */
  static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
    return GenSupport.collection(element, minSize, maxSize, ArrayList::new, List::copyOf);
  }

  /**
   * Sets of {@code minSize..maxSize} distinct elements, in drawing order; shrinking deletes
   * elements, then simplifies the rest.
   *
   * @throws IllegalStateException at generation, if {@code element} cannot give {@code minSize}
   *     distinct values
   */
  static <T> Gen<Set<T>> sets(Gen<T> element, int minSize, int maxSize) {
    return GenSupport.distinct(element, minSize, maxSize, e -> e);
  }

  /**
   * Maps of {@code minSize..maxSize} entries with distinct keys, in drawing order; shrinking
   * deletes entries, then simplifies keys and values.
   */
  static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int minSize, int maxSize) {
    return GenSupport.maps(keys, values, minSize, maxSize);
  }

  /**
   * Strings of {@code minLength..maxLength} characters of {@code alphabet}; shrinking makes
   * them shorter, then moves characters toward the alphabet's first.
   *
   * @throws IllegalArgumentException if {@code alphabet} is empty
   */
  static Gen<String> strings(String alphabet, int minLength, int maxLength) {
    if (alphabet == null || alphabet.isEmpty()) {
      throw new IllegalArgumentException("alphabet must not be empty but was: " + alphabet);
    }
    Gen<Character> c = s -> alphabet.charAt((int) s.draw(alphabet.length()));
    return lists(c, minLength, maxLength).map(GenSupport::join);
  }

  /** Two values combined by {@code combine}, for example into a record. */
  static <A, B, R> Gen<R> zip(Gen<A> a, Gen<B> b,
      BiFunction<? super A, ? super B, ? extends R> combine) {
    return s -> combine.apply(a.generate(s), b.generate(s));
  }

  /** Three values combined by {@code combine}, for example into a record. */
  static <A, B, C, R> Gen<R> zip(Gen<A> a, Gen<B> b, Gen<C> c,
      Combine3<? super A, ? super B, ? super C, ? extends R> combine) {
    return s -> combine.apply(a.generate(s), b.generate(s), c.generate(s));
  }

  /** What {@link #zip(Gen, Gen, Gen, Combine3)} combines three values with. */
  @API(status = API.Status.EXPERIMENTAL)
  @FunctionalInterface
  interface Combine3<A, B, C, R> {
    /** The combined value. */
    R apply(A a, B b, C c);
  }

  /**
   * Recursive values at most {@code maxDepth} levels deep: a leaf from {@code leaf}, or a node
   * that {@code node} builds from the generator of the level below. Shrinking moves toward
   * leaves. For example trees: {@code Gen.recursive(Gen.ints(0, 9).map(Leaf::new), sub ->
   * Gen.lists(sub, 1, 3).map(Node::new), 4)}.
   */
  static <T> Gen<T> recursive(Gen<? extends T> leaf,
      Function<Gen<T>, Gen<? extends T>> node, int maxDepth) {
    return GenSupport.recursive(leaf, node, maxDepth);
  }

  /**
   * A concurrent program: for each of {@code minProcesses..maxProcesses} processes, a list of
   * {@code 1..maxOperations} operations drawn from {@code operation} (which says what is done
   * to which shared object, for example {@code Gen.zip(Gen.oneOf("put", "get"), Gen.ints(0,
   * 1), Op::new)}). Shrinking deletes processes and operations, then simplifies operations.
   */
  static <O> Gen<List<List<O>>> programs(Gen<O> operation, int minProcesses, int maxProcesses,
      int maxOperations) {
    return lists(lists(operation, 1, maxOperations), minProcesses, maxProcesses);
  }

  /** This generator's values mapped through {@code f}. */
  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    return s -> f.apply(generate(s));
  }

  /**
   * A value of the generator that {@code f} gives for this generator's value: the second draw
   * depends on the first (a list of the drawn length, an index into a drawn list).
   */
  default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
    return s -> f.apply(generate(s)).generate(s);
  }

  /**
   * This generator's values that {@code accept} holds for: rejected values are drawn again, at
   * most 100 times in a row.
   *
   * @throws IllegalStateException at generation, when that many values in a row were rejected:
   *     the filter rejects too much; generate valid values directly instead
   */
  default Gen<T> filter(Predicate<? super T> accept) {
    return GenSupport.filter(this, accept);
  }
}
