package dev.interleave.harness;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How {@link Gen}'s collections lay out their draws so that shrinking can delete elements: each
 * element is one deletable span made of a "more?" draw (0 ends the collection, so lowering it
 * cuts the tail) and the element's own draws. Below the minimum size the "more?" draw is made
 * and ignored, and a full collection still draws its end (a draw below 1, so always 0): deleting
 * any element's span leaves a well-formed stream that ends where it did.
 */
final class GenSupport {
  /** How many rejected values in a row {@link Gen#filter} accepts before it gives up. */
  static final int FILTER_TRIES = 100;
  /** Draws spent looking for a new distinct element of a set or map before giving up. */
  static final int DISTINCT_TRIES = 100;

  private GenSupport() {}

  static <T> List<T> nonEmpty(String what, List<T> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty but was: []");
    }
    return values;
  }

  static void sizes(int min, int max) {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("sizes must satisfy 0 <= minSize <= maxSize but were: "
          + min + ", " + max);
    }
  }

  /** The bound of a "more?" draw: 0 stops, so a collection grows by about half its room. */
  private static long moreBound(int min, int max) {
    return Math.max(2, Math.min(64, (max - min) / 2 + 1));
  }

  /**
   * Draws the next element of a collection of {@code size} elements into {@code sink}, as one
   * deletable span; false, drawing only the "more?" flag, when the collection ends here.
   */
  private static <T> boolean next(Gen.Source s, Gen<T> element, int size, int min, int max,
      long bound, java.util.function.Consumer<T> sink) {
    s.startSpan();
    // a full collection still draws its end (always 0): deleting an element leaves it in place
    if (size >= max ? s.draw(1) == 0 : s.draw(bound) == 0 && size >= min) {
      s.endSpan(false);
      return false;
    }
    sink.accept(element.generate(s));
    s.endSpan(true);
    return true;
  }

  static <T, C extends Collection<T>, R> Gen<R> collection(Gen<T> element, int min, int max,
      Supplier<C> empty, Function<C, R> finish) {
    sizes(min, max);
    long bound = moreBound(min, max);
    return s -> {
      C out = empty.get();
      while (next(s, element, out.size(), min, max, bound, out::add)) {
        // each pass adds one element
      }
      return finish.apply(out);
    };
  }

  /**
   * Distinct elements keyed by {@code key}: a duplicate is drawn again while the minimum is
   * not reached, and skipped once it is.
   */
  static <T, K> Gen<Set<T>> distinct(Gen<T> element, int min, int max, Function<T, K> key) {
    sizes(min, max);
    long bound = moreBound(min, max);
    return s -> {
      Map<K, T> out = new LinkedHashMap<>();
      int[] misses = {0};
      while (next(s, element, out.size(), min, max, bound, e -> {
        if (out.putIfAbsent(key.apply(e), e) != null) {
          misses[0]++;
        }
      })) {
        if (misses[0] >= DISTINCT_TRIES) {
          if (out.size() >= min) {
            break;
          }
          throw new IllegalStateException("could not draw " + min + " distinct values: "
              + DISTINCT_TRIES + " draws gave only " + out.size() + " (" + out.values() + ")");
        }
      }
      return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(out.values()));
    };
  }

  static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int min, int max) {
    Gen<Map.Entry<K, V>> entry = s -> Map.entry(keys.generate(s), values.generate(s));
    Gen<Set<Map.Entry<K, V>>> entries = distinct(entry, min, max, Map.Entry::getKey);
    return entries.map(set -> {
      Map<K, V> m = new LinkedHashMap<>();
      set.forEach(e -> m.put(e.getKey(), e.getValue()));
      return java.util.Collections.unmodifiableMap(m);
    });
  }

  static <T> Gen<T> frequency(List<Map.Entry<Integer, Gen<? extends T>>> weighted) {
    nonEmpty("choices", weighted);
    long total = 0;
    for (Map.Entry<Integer, Gen<? extends T>> e : weighted) {
      if (e.getKey() == null || e.getKey() <= 0 || e.getValue() == null) {
        throw new IllegalArgumentException("every choice must have a weight > 0 and a"
            + " generator but was: " + e);
      }
      total += e.getKey();
    }
    long sum = total;
    List<Map.Entry<Integer, Gen<? extends T>>> copy = List.copyOf(weighted);
    return s -> {
      long r = s.draw(sum);
      for (Map.Entry<Integer, Gen<? extends T>> e : copy) {
        if (r < e.getKey()) {
          return e.getValue().generate(s);
        }
        r -= e.getKey();
      }
      throw new AssertionError("a draw below the total weight picks a choice");
    };
  }

  static <T> Gen<T> recursive(Gen<? extends T> leaf, Function<Gen<T>, Gen<? extends T>> node,
      int maxDepth) {
    if (maxDepth < 0) {
      throw new IllegalArgumentException("maxDepth must be >= 0 but was: " + maxDepth);
    }
    Gen<T> level = s -> leaf.generate(s);
    for (int d = 1; d <= maxDepth; d++) {
      Gen<? extends T> inner = node.apply(level);
      Gen<T> below = level;
      level = s -> s.draw(3) == 0 ? below.generate(s) : inner.generate(s);
    }
    return level;
  }

  static <T> Gen<T> filter(Gen<T> gen, Predicate<? super T> accept) {
    return s -> {
      T last = null;
      for (int i = 0; i < FILTER_TRIES; i++) {
        last = gen.generate(s);
        if (accept.test(last)) {
          return last;
        }
      }
      throw new IllegalStateException("Gen.filter rejected " + FILTER_TRIES + " values in a"
          + " row (the last was " + last + "): the filter rejects too much; generate valid"
          + " values directly, for example with map or flatMap");
    };
  }

  static String join(List<Character> chars) {
    StringBuilder sb = new StringBuilder(chars.size());
    chars.forEach(sb::append);
    return sb.toString();
  }
}
