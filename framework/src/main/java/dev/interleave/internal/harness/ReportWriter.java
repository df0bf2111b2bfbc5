package dev.interleave.internal.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Writes one JSON report per harness test under {@code interleave.reports.dir} (default {@code
 * target/interleave-reports}), in the report schema (version {@value #SCHEMA_VERSION}).
 */
final class ReportWriter {
  static final int SCHEMA_VERSION = 1;
  /** Where reports go unless {@code interleave.reports.dir} says otherwise. */
  static final String DEFAULT_DIR = "target/interleave-reports";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ReportWriter() {}

  static Path write(ExtensionContext context, ScenarioSpec spec, Exploration e,
      Verdicts.Judgement j) {
    String className = context.getRequiredTestClass().getName();
    String method = context.getRequiredTestMethod().getName();
    Map<String, Object> root = ReportModel.report(className + "#" + method + "()", className,
        method, context.getDisplayName(), spec, e, j);
    Path dir = Path.of(System.getProperty("interleave.reports.dir", DEFAULT_DIR));
    Path file = dir.resolve(fileName(className, method));
    try {
      Files.createDirectories(dir);
      Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    } catch (JsonProcessingException e1) {
      throw new IllegalStateException("cannot write report " + file, e1);
    } catch (IOException e2) {
      throw new UncheckedIOException("cannot write report " + file, e2);
    }
    return file;
  }

  static String fileName(String className, String method) {
    return (className + "." + method).replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
  }

  /** The report's JSON tree, key order as in the schema. */
  static final class ReportModel {
    private ReportModel() {}

    static Map<String, Object> report(String testId, String className, String method,
        String displayName, ScenarioSpec spec, Exploration e, Verdicts.Judgement j) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("schemaVersion", SCHEMA_VERSION);
      m.put("testId", testId);
      m.put("className", className);
      m.put("methodName", method);
      m.put("displayName", displayName);
      m.put("scenario", spec.name());
      m.put("mode", e.options().replay() != null ? "replay" : e.options().controlled()
          ? "controlled" : "stress");
      m.put("strategy", e.options().strategy().name().toLowerCase(java.util.Locale.ROOT));
      m.put("strategyParams", ReportMapping.strategyParams(e.options()));
      m.put("seed", e.options().seed());
      m.put("verdict", j.verdict().name());
      m.put("expected", e.options().expect() == dev.interleave.harness.Expect.PASS ? "PASS"
          : "VIOLATION");
      m.put("reason", j.reason());
      m.put("schedulesPlanned", e.planned());
      m.put("schedulesExplored", e.explored());
      m.put("exhausted", e.exhausted());
      m.put("elapsedMillis", e.elapsedMillis());
      m.put("invariants", invariants(e));
      m.put("outcomes", outcomes(spec, e));
      m.put("findings", e.failure() == null ? List.of() : List.of(finding(e.failure())));
      return m;
    }

    private static List<Object> invariants(Exploration e) {
      List<Object> out = new ArrayList<>();
      for (Tally.Counts c : e.invariants()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("kind", c.state() ? "STATE" : "FINAL");
        m.put("checks", c.checks());
        m.put("violations", c.violations());
        out.add(m);
      }
      return out;
    }

    private static List<Object> outcomes(ScenarioSpec spec, Exploration e) {
      List<Object> out = new ArrayList<>();
      e.outcomes().forEach((outcome, count) -> {
        ScenarioSpec.Graded g = spec.grade(outcome);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", outcome);
        m.put("count", count);
        m.put("grade", g.grade().name());
        m.put("description", g.description());
        out.add(m);
      });
      return out;
    }

    private static Map<String, Object> finding(Counterexample c) {
      Problem p = c.problem();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", p.kind().name());
      m.put("summary", p.summary());
      m.put("invariant", p.invariant());
      m.put("firstAtSchedule", c.firstAt());
      m.put("seed", c.seed());
      m.put("replayCommand", ReportMapping.replayCommand(c));
      m.put("original", ReportMapping.schedule(c.original().trace()));
      m.put("shrunk", ReportMapping.schedule(c.shrunk().trace()));
      m.put("nearestPassing", c.nearestPassing() == null ? null
          : ReportMapping.schedule(c.nearestPassing().trace()));
      m.put("waitFor", p.waitFor().stream().map(w -> Map.of("process", w.process(),
          "waitsFor", w.object(), "heldBy", w.heldBy())).toList());
      m.put("threadDump", p.threadDump());
      m.put("stackTrace", p.stackTrace());
      return m;
    }
  }
}
