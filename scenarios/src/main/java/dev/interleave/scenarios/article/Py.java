package dev.interleave.scenarios.article;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Python's {@code repr} of the values the article's programs print, so output reads the same. */
final class Py {
  private Py() {}

  static String repr(Object o) {
    if (o == null) {
      return "None";
    } else if (o instanceof String s) {
      return "'" + s + "'";
    } else if (o instanceof Boolean b) {
      return b ? "True" : "False";
    } else if (o instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    } else if (o instanceof List<?> l) {
      return l.stream().map(Py::repr).collect(Collectors.joining(", ", "[", "]"));
    }
    return o.toString();
  }
}
