package dev.interleave.internal.harness.control;

import dev.interleave.internal.wire.Message.Arrive;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives the objects of one schedule stable names in order of first use ({@code lock#1}), so
 * that traces of different runs compare: a primitive's shared-memory id is unique per creation
 * ({@code interleave-<pid>-<time>-lock-<n>}, {@code queue:<pid>-<time>-queue-<n>}), but its
 * first use in a deterministic scenario is always at the same step.
 */
final class ObjectNames {
  private static final Pattern SEGMENT = Pattern.compile(
      "^((?:[a-z]+:)?(?:interleave-)?\\d+-\\d+-([a-z]+)-\\d+)(:\\d+)?$");
  /** Objects whose raw names differ from run to run and carry no shared-memory id. */
  private static final String[] FAMILIES = {"socket", "listener"};
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, Integer> counts = new HashMap<>();

  Arrive normalize(Arrive a) {
    String object = name(a.object());
    if (object == null || object.equals(a.object())) {
      return a;
    }
    return new Arrive(a.epoch(), a.kind(), a.op(), object, a.label(), a.site(), a.holder(),
        a.nanos());
  }

  String name(String raw) {
    if (raw == null) {
      return null;
    }
    for (String family : FAMILIES) {
      if (raw.startsWith(family + ":")) {
        // carries a port, a file name or a per-JVM counter: named by first use instead
        return names.computeIfAbsent(raw,
            b -> family + "#" + counts.merge(family, 1, Integer::sum));
      }
    }
    Matcher m = SEGMENT.matcher(raw);
    if (!m.matches()) {
      return raw;
    }
    // a pipe's ends (":0", ":1") share their pipe's number
    String base = names.computeIfAbsent(m.group(1),
        b -> m.group(2) + "#" + counts.merge(m.group(2), 1, Integer::sum));
    return m.group(3) == null ? base : base + m.group(3);
  }
}
