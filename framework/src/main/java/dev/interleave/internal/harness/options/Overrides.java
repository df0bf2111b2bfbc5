package dev.interleave.internal.harness.options;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test's settings: each {@code @InterleaveTest} attribute, unless a JUnit configuration
 * parameter or, failing that, a system property of its name overrides it. Every value is
 * checked; the error names the property (or the attribute) and the value.
 */
final class Overrides {
  private final ExtensionContext context;
  private final Method method;

  Overrides(ExtensionContext context) {
    this.context = context;
    this.method = context.getRequiredTestMethod();
  }

  String methodName() {
    return method.getName();
  }

  /** The raw override of {@code key}: configuration parameter, else system property. */
  Optional<String> raw(String key) {
    Optional<String> param = context.getConfigurationParameter(key).filter(s -> !s.isBlank());
    if (param.isPresent()) {
      return param.map(String::trim);
    }
    return Optional.ofNullable(System.getProperty(key)).filter(s -> !s.isBlank())
        .map(String::trim);
  }

  /**
   * The value of the attribute {@code attribute} (annotated as {@code annotated}), overridden by
   * {@code key} if set.
   *
   * @param rule what a valid value is, as messages say it: {@code "> 0"}
   * @param type what {@code key}'s text must be, as messages say it: {@code "an int"}
   */
  <T> T value(String key, String attribute, T annotated, Function<String, T> parse, String type,
      String rule, Predicate<T> valid) {
    Optional<String> text = raw(key);
    if (text.isEmpty()) {
      if (!valid.test(annotated)) {
        throw new ExtensionConfigurationException("@InterleaveTest method [" + method.getName()
            + "] must declare " + attribute + " " + rule + " but was: " + annotated);
      }
      return annotated;
    }
    String what = "configuration parameter " + key + " must be " + type
        + (rule.isEmpty() ? "" : " " + rule) + " but was: " + text.get();
    T v;
    try {
      v = parse.apply(text.get());
    } catch (RuntimeException e) {
      throw new ExtensionConfigurationException(what, e);
    }
    if (v == null || !valid.test(v)) {
      throw new ExtensionConfigurationException(what);
    }
    return v;
  }

  /** An enum constant by name in any case; null if none, so that {@link #value} reports it. */
  static <E extends Enum<E>> Function<String, E> named(Class<E> type) {
    return s -> {
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(s.toUpperCase(Locale.ROOT))) {
          return e;
        }
      }
      return null;
    };
  }

  /** The lower-case names of {@code type}'s constants, as {@code "one of a, b, c"}. */
  static String oneOf(Class<? extends Enum<?>> type, String... more) {
    StringBuilder sb = new StringBuilder("one of ");
    for (Enum<?> e : type.getEnumConstants()) {
      sb.append(e.name().toLowerCase(Locale.ROOT)).append(", ");
    }
    for (String m : more) {
      sb.append(m).append(", ");
    }
    return sb.substring(0, sb.length() - 2);
  }

  static Boolean bool(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    };
  }
}
