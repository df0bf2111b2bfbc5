package dev.interleave.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The mechanics do not depend on the public API that wraps them: no {@code internal} package but
 * the harness's names a type of {@code dev.interleave.mp} (nor of the harness), in an import or
 * in code; and no two packages of the framework depend on each other, directly or around a
 * cycle, but through the one edge a JUnit extension needs: the public annotation names its
 * extension (in {@code internal.harness.junit}), which reads the annotation. Without that edge
 * the packages, the harness's among them, form no cycle.
 */
class RuntimePackageRulesTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Path MAIN = SOURCES.resolve("dev/interleave/internal");
  private static final Pattern USE = Pattern.compile(
      "^(?!\\s*(?:\\*|//|/\\*)).*\\bdev\\.interleave\\.(mp|harness|internal\\.harness)"
          + "(?:\\.[a-z][a-z0-9]*)*\\.[A-Z]",
      Pattern.MULTILINE);
  /** Comments, and string and character literals (which name classes as data, not as uses). */
  private static final Pattern NOT_CODE = Pattern.compile(
      "//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'", Pattern.DOTALL);
  private static final Pattern REFERENCE = Pattern.compile(
      "\\bdev\\.interleave\\.((?:[a-z][a-z0-9]*\\.)*[a-z][a-z0-9]*)\\.[A-Z]");
  /** The public annotations, one of which names its extension. */
  private static final String ANNOTATIONS = "dev.interleave.harness";
  /** The harness's packages, {@code internal.harness} and those under it. */
  private static final String HARNESS = "dev.interleave.internal.harness";
  /** The package of the JUnit extension the annotation names. */
  private static final String EXTENSION = HARNESS + ".junit";

  @ParameterizedTest
  @CsvSource({"runtime", "sync", "shm", "ipc", "pool", "manager", "shared", "wire", "schedule"})
  void theMechanicsNameNoTypeOfThePublicApi(String pkg) throws IOException {
    StringBuilder found = new StringBuilder();
    for (Path file : javaFiles(MAIN.resolve(pkg))) {
      Matcher m = USE.matcher(NOT_CODE.matcher(Files.readString(file)).replaceAll(" "));
      while (m.find()) {
        found.append(file.getFileName()).append(": ").append(m.group().strip()).append('\n');
      }
    }
    assertEquals("", found.toString());
  }

  @Test
  void noPackagesDependOnEachOtherButTheAnnotationAndItsExtension() throws IOException {
    Map<String, Set<String>> annotationUses = new TreeMap<>();
    for (Path file : javaFiles(SOURCES.resolve(ANNOTATIONS.replace('.', '/')))) {
      Matcher m = REFERENCE.matcher(NOT_CODE.matcher(Files.readString(file)).replaceAll(" "));
      while (m.find()) {
        String target = "dev.interleave." + m.group(1);
        if (isHarness(target)) {
          annotationUses.computeIfAbsent(file.getFileName().toString(), k -> new TreeSet<>())
              .add(target);
        }
      }
    }
    assertEquals(Map.of("InterleaveTest.java", Set.of(EXTENSION)), annotationUses,
        "the public annotations' uses of the harness: the annotation names its extension");
    Map<String, Set<String>> uses = packageUses();
    Map<String, Set<String>> withoutIt = new TreeMap<>();
    uses.forEach((from, to) -> withoutIt.put(from, to.stream()
        .filter(target -> !(from.equals(ANNOTATIONS) && isHarness(target)))
        .collect(Collectors.toCollection(TreeSet::new))));
    assertEquals(List.of(), cycles(withoutIt),
        "packages on a dependency cycle without the annotation's edge to its extension");
    List<Set<String>> cycles = cycles(uses);
    assertEquals(1, cycles.size(), "dependency cycles: " + cycles);
    assertTrue(cycles.get(0).containsAll(Set.of(ANNOTATIONS, EXTENSION)),
        "the one cycle runs through the annotation and its extension: " + cycles);
  }

  /**
   * The harness's packages, bottom up: what runs in a worker JVM and the records of a schedule,
   * a test's settings, the controller, the reports, the JUnit extension; each uses only packages
   * before it in this order ({@code internal.harness} itself holds no class).
   */
  @Test
  void theHarnessPackagesUseOnlyThoseBelowThem() throws IOException {
    List<String> layers = Stream.of("worker", "model", "options", "control", "report", "junit")
        .map(p -> HARNESS + "." + p).toList();
    Map<String, Set<String>> uses = packageUses();
    assertEquals(new TreeSet<>(layers), uses.keySet().stream().filter(RuntimePackageRulesTest::isHarness)
        .collect(Collectors.toCollection(TreeSet::new)), "the harness's packages");
    StringBuilder upwards = new StringBuilder();
    for (String from : layers) {
      for (String to : uses.get(from)) {
        if (isHarness(to) && layers.indexOf(to) >= layers.indexOf(from)) {
          upwards.append(from).append(" -> ").append(to).append('\n');
        }
      }
    }
    assertEquals("", upwards.toString());
  }

  /** Which packages of the framework each one names a type of, in an import or in code. */
  private static Map<String, Set<String>> packageUses() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    for (Path file : javaFiles(SOURCES.resolve("dev/interleave"))) {
      String from = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
      Set<String> to = uses.computeIfAbsent(from, k -> new TreeSet<>());
      Matcher m = REFERENCE.matcher(NOT_CODE.matcher(Files.readString(file)).replaceAll(" "));
      while (m.find()) {
        String target = "dev.interleave." + m.group(1);
        if (!target.equals(from)) {
          to.add(target);
        }
      }
    }
    return uses;
  }

  private static boolean isHarness(String pkg) {
    return pkg.equals(HARNESS) || pkg.startsWith(HARNESS + ".");
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** The strongly connected components of more than one package (Tarjan). */
  private static List<Set<String>> cycles(Map<String, Set<String>> uses) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    List<String> stack = new ArrayList<>();
    List<Set<String>> out = new ArrayList<>();
    for (String p : uses.keySet()) {
      if (!index.containsKey(p)) {
        visit(p, uses, index, low, stack, out);
      }
    }
    return out;
  }

  private static void visit(String p, Map<String, Set<String>> uses, Map<String, Integer> index,
      Map<String, Integer> low, List<String> stack, List<Set<String>> out) {
    index.put(p, index.size());
    low.put(p, index.get(p));
    stack.add(p);
    for (String q : uses.getOrDefault(p, Set.of())) {
      if (!index.containsKey(q)) {
        visit(q, uses, index, low, stack, out);
        low.put(p, Math.min(low.get(p), low.get(q)));
      } else if (stack.contains(q)) {
        low.put(p, Math.min(low.get(p), index.get(q)));
      }
    }
    if (low.get(p).equals(index.get(p))) {
      Set<String> component = new TreeSet<>();
      String q;
      do {
        q = stack.remove(stack.size() - 1);
        component.add(q);
      } while (!q.equals(p));
      if (component.size() > 1) {
        out.add(component);
      }
    }
  }
}
