package dev.interleave.harness;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A generator of scenario parameters. Values are built from a stream of draws (integers in a
 * range) that the harness records; shrinking replaces draws by smaller ones and rebuilds the
 * value, so every generator shrinks without a shrinker of its own (toward the low end of each
 * range, shorter lists, earlier alternatives).
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
  }

  /** Integers in {@code [min, max]}, shrinking toward {@code min}. */
  static Gen<Integer> ints(int min, int max) {
    if (max < min) {
      throw new IllegalArgumentException("max must be >= min but was: " + max + " < " + min);
    }
    return s -> (int) (min + s.draw((long) max - min + 1));
  }

  /** Booleans, shrinking toward false. */
  static Gen<Boolean> booleans() {
    return s -> s.draw(2) == 1;
  }

  /** One of {@code values}, shrinking toward the first. */
  @SafeVarargs
  static <T> Gen<T> oneOf(T... values) {
    List<T> copy = List.of(values);
    return s -> copy.get((int) s.draw(copy.size()));
  }

  /** Lists of {@code minSize..maxSize} elements, shrinking toward shorter and simpler. */
  static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
    Gen<Integer> size = ints(minSize, maxSize);
    return s -> {
      int n = size.generate(s);
      List<T> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(element.generate(s));
      }
      return List.copyOf(out);
    };
  }

  /** This generator's values mapped through {@code f}. */
  default <R> Gen<R> map(java.util.function.Function<? super T, ? extends R> f) {
    return s -> f.apply(generate(s));
  }
}
