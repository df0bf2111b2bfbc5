package dev.interleave.internal.harness.control;

import dev.interleave.harness.Body;
import dev.interleave.harness.ExplorationResult;
import dev.interleave.harness.Scenario;
import dev.interleave.report.Grade;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The scenario a test method built. */
public final class ScenarioSpec implements Scenario {
  /** A declared grade and its explanation. */
  public record Graded(Grade grade, String description) {}

  private Body body;
  private String name;
  private final Map<String, Graded> grades = new LinkedHashMap<>();
  private final List<Class<? extends Throwable>> allowedExceptions = new ArrayList<>();
  private final java.util.Set<String> killable = new java.util.TreeSet<>();
  private final Set<Integer> allowedExitCodes = new LinkedHashSet<>();
  private Consumer<ExplorationResult> verifier;

  public ScenarioSpec(String defaultName) {
    this.name = defaultName;
  }

  @Override
  public Scenario body(Body b) {
    if (b == null) {
      throw new IllegalArgumentException("body must not be null");
    }
    this.body = b;
    return this;
  }

  @Override
  public Scenario name(String n) {
    this.name = n;
    return this;
  }

  @Override
  public Scenario acceptable(String outcome, String description) {
    grades.put(outcome, new Graded(Grade.ACCEPTABLE, description));
    return this;
  }

  @Override
  public Scenario interesting(String outcome, String description) {
    grades.put(outcome, new Graded(Grade.INTERESTING, description));
    return this;
  }

  @Override
  public Scenario forbidden(String outcome, String description) {
    grades.put(outcome, new Graded(Grade.FORBIDDEN, description));
    return this;
  }

  @Override
  public Scenario allowException(Class<? extends Throwable> type) {
    if (type == null) {
      throw new IllegalArgumentException("type must not be null");
    }
    allowedExceptions.add(type);
    return this;
  }

  @Override
  public Scenario killable(String... processNames) {
    if (processNames == null) {
      throw new IllegalArgumentException("processNames must not be null");
    }
    for (String name : processNames) {
      if (name == null || name.isBlank() || name.equals("main")) {
        throw new IllegalArgumentException("a killable process must be named, and not main,"
            + " but was: " + (name == null ? "null" : "'" + name + "'"));
      }
    }
    killable.addAll(java.util.List.of(processNames));
    return this;
  }

  /** The processes crash injection may kill; empty for every process but main. */
  java.util.Set<String> killable() {
    return java.util.Set.copyOf(killable);
  }

  @Override
  public Scenario allowExitCode(int exitCode) {
    if (exitCode == 0) {
      throw new IllegalArgumentException("exitCode must be non-zero (0 is always allowed) but"
          + " was: 0");
    }
    allowedExitCodes.add(exitCode);
    return this;
  }

  @Override
  public Scenario verify(Consumer<ExplorationResult> check) {
    if (check == null) {
      throw new IllegalArgumentException("check must not be null");
    }
    this.verifier = verifier == null ? check : verifier.andThen(check);
    return this;
  }

  /** The ends of processes declared expected. */
  ExpectedEnds ends() {
    return new ExpectedEnds(allowedExceptions, allowedExitCodes);
  }

  /** The checks registered with {@link #verify}, or null. */
  Consumer<ExplorationResult> verifier() {
    return verifier;
  }

  public Body body() {
    return body;
  }

  public String name() {
    return name;
  }

  /** The grade of {@code outcome}: declared, else forbidden once any is declared. */
  public Graded grade(String outcome) {
    Graded g = grades.get(outcome);
    if (g != null) {
      return g;
    }
    return grades.isEmpty() ? new Graded(Grade.ACCEPTABLE, null)
        : new Graded(Grade.FORBIDDEN, "not among the declared outcomes");
  }

  /** The declared outcomes and their grades, in the order declared. */
  public Map<String, Graded> declared() {
    return java.util.Collections.unmodifiableMap(grades);
  }
}
