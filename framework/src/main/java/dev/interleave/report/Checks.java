package dev.interleave.report;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Argument checks shared by the compact constructors of the report records. */
final class Checks {
  private Checks() {}

  static <T> T required(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required but was: null");
    }
    return value;
  }

  static long nonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " cannot be negative but was: " + value);
    }
    return value;
  }

  /** An immutable copy; {@code null} reads as empty so that omitted lists stay readable. */
  static <T> List<T> list(String name, List<T> values) {
    if (values == null) {
      return List.of();
    }
    for (T value : values) {
      if (value == null) {
        throw new IllegalArgumentException(name + " cannot contain null but was: " + values);
      }
    }
    return List.copyOf(values);
  }

  /** An immutable copy sorted by key; {@code null} reads as empty. */
  static SortedMap<String, String> sortedMap(String name, Map<String, String> values) {
    TreeMap<String, String> copy = new TreeMap<>();
    if (values != null) {
      values.forEach(
          (key, value) -> {
            if (key == null || value == null) {
              throw new IllegalArgumentException(
                  name + " cannot contain null but was: " + key + "=" + value);
            }
            copy.put(key, value);
          });
    }
    return Collections.unmodifiableSortedMap(copy);
  }
}
