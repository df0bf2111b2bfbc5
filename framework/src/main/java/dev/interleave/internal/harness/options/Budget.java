package dev.interleave.internal.harness.options;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.harness.Strategy;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What bounds an exploration besides its schedule count: a time limit ({@value
 * InterleaveProperties#TIME}) and a shard of the schedule numbers ({@value
 * InterleaveProperties#SHARD}). Shard {@code i/n} runs schedules {@code i, i+n, i+2n, ...}: each
 * schedule's scheduler and inputs derive from the seed and the schedule's number alone, so n
 * shards of one seed run disjoint schedules whose union is what one machine would run.
 *
 * @param time the time to explore for, or null for none
 * @param shard this shard's number, from 1
 * @param shards how many shards share the schedule numbers
 * @param capped whether a schedule count applies with a time limit (only an explicit {@value
 *     InterleaveProperties#SCHEDULES} does; the annotation's count gives way to the time)
 */
public record Budget(Duration time, int shard, int shards, boolean capped) {
  /** One machine, no time limit. */
  public static final Budget NONE = new Budget(null, 1, 1, true);
  private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h)");
  private static final Pattern SHARD = Pattern.compile("(\\d+)/(\\d+)");

  /** The budget {@code context}'s overrides set; {@link #NONE} for a replay. */
  public static Budget read(ExtensionContext context, RunOptions options) {
    Overrides o = new Overrides(context);
    if (options.replay() != null) {
      return NONE;
    }
    Duration time = o.value(InterleaveProperties.TIME, "time", null, Budget::duration,
        "a duration such as 30s, 10m, 2h, 500ms or PT1H30M", "> 0", d -> d == null
            || !(d.isNegative() || d.isZero()));
    int[] shard = o.value(InterleaveProperties.SHARD, "shard", new int[] {1, 1}, Budget::shard,
        "i/n", "with 1 <= i <= n", s -> s != null && s[0] >= 1 && s[0] <= s[1]);
    if (shard[1] > 1 && options.strategy() == Strategy.EXHAUSTIVE && options.controlled()) {
      throw new ExtensionConfigurationException("configuration parameter "
          + InterleaveProperties.SHARD + " cannot split an exhaustive search (its schedules"
          + " follow from the ones before) but was: " + shard[0] + "/" + shard[1]
          + " with strategy exhaustive");
    }
    return new Budget(time, shard[0], shard[1],
        o.raw(InterleaveProperties.SCHEDULES).isPresent());
  }

  static Duration duration(String text) {
    Matcher m = SIMPLE.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  private static int[] shard(String text) {
    Matcher m = SHARD.matcher(text);
    return m.matches() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))}
        : null;
  }

  /** The last schedule number to run, given the run's schedule count. */
  public int last(int schedules) {
    return time == null || capped ? schedules : Integer.MAX_VALUE - shards;
  }

  /** Whether time is left, the run having started at {@code startNanos}. */
  public boolean timeLeft(long startNanos) {
    return time == null || System.nanoTime() - startNanos < time.toNanos();
  }

  /** This shard's schedules among {@code 1..last}; {@code explored} when time decided. */
  public int planned(int last, int explored) {
    if (time != null && !capped) {
      return explored;
    }
    return last < shard ? 0 : (last - shard) / shards + 1;
  }

  /** What the report lists beside the strategy's parameters. */
  public Map<String, String> params() {
    Map<String, String> m = new TreeMap<>();
    if (time != null) {
      m.put("time", time.toString());
    }
    if (shards > 1) {
      m.put("shard", shard + "/" + shards);
    }
    return m;
  }
}
