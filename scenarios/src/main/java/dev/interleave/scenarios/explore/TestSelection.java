package dev.interleave.scenarios.explore;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import dev.interleave.harness.InterleaveTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A user's {@code @InterleaveTest} methods on a class path, selected by class, by method
 * ({@code com.acme.CounterTest#lostUpdate}) or by a regular expression that matches a class's
 * binary name or {@code class#method} in full. A regular expression looks through the class
 * path's directories (not its jars). The class path's classes load in a loader of their own
 * whose parent is this program's, so Interleave and JUnit are this program's.
 */
public final class TestSelection implements AutoCloseable {
  private final List<Path> classPath;
  private final URLClassLoader loader;

  /**
   * A selection over {@code classPath}.
   *
   * @throws IllegalArgumentException if an entry does not exist
   */
  public TestSelection(List<Path> classPath) {
    List<URL> urls = new ArrayList<>();
    for (Path p : classPath) {
      if (!Files.exists(p)) {
        throw new IllegalArgumentException("class path entry does not exist: " + p);
      }
      try {
        urls.add(p.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("class path entry is not a valid location: " + p, e);
      }
    }
    this.classPath = List.copyOf(classPath);
    this.loader = new URLClassLoader("interleave-user", urls.toArray(URL[]::new),
        TestSelection.class.getClassLoader());
  }

  /**
   * The class path of a Maven project {@code dir}: {@code target/test-classes}, {@code
   * target/classes} and the jars in {@code target/dependency} ({@code mvn
   * dependency:copy-dependencies} puts them there), those that exist.
   */
  public static List<Path> projectClassPath(Path dir) {
    Path target = dir.resolve("target");
    List<Path> out = new ArrayList<>();
    for (String d : List.of("test-classes", "classes")) {
      if (Files.isDirectory(target.resolve(d))) {
        out.add(target.resolve(d));
      }
    }
    Path deps = target.resolve("dependency");
    if (Files.isDirectory(deps)) {
      try (Stream<Path> jars = Files.list(deps)) {
        jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + deps, e);
      }
    }
    return out;
  }

  /**
   * The {@code @InterleaveTest} methods selected by {@code selects} (a class, or {@code
   * class#method}) and {@code patterns}, in discovery order without repeats.
   *
   * @throws IllegalArgumentException naming the selector, if a class is not on the class path,
   *     a pattern is not a regular expression, or a selector selects nothing
   */
  public List<ScenarioRunner.Target> select(List<String> selects, List<String> patterns) {
    Map<String, ScenarioRunner.Target> out = new LinkedHashMap<>();
    for (String s : selects) {
      int hash = s.indexOf('#');
      String cls = hash < 0 ? s : s.substring(0, hash);
      String method = hash < 0 ? null : s.substring(hash + 1);
      loadOrThrow(cls, s);
      addOrThrow(out, discover(List.of(selectClass(loader, cls))),
          t -> t.className().equals(cls) && (method == null || t.method().equals(method)), s);
    }
    for (String regex : patterns) {
      Pattern p = compile(regex);
      addOrThrow(out, discover(selectClasspathRoots(directories())),
          t -> p.matcher(t.className()).matches() || p.matcher(t.id()).matches(), regex);
    }
    return List.copyOf(out.values());
  }

  private static void addOrThrow(Map<String, ScenarioRunner.Target> out,
      List<ScenarioRunner.Target> found, java.util.function.Predicate<ScenarioRunner.Target> keep,
      String selector) {
    List<ScenarioRunner.Target> kept = found.stream().filter(keep).toList();
    if (kept.isEmpty()) {
      throw new IllegalArgumentException("no @InterleaveTest method on the class path matches: "
          + selector);
    }
    kept.forEach(t -> out.putIfAbsent(t.id(), t));
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException("--tests must be a regular expression but was: "
          + regex + " (" + e.getDescription() + ")", e);
    }
  }

  private void loadOrThrow(String cls, String selector) {
    try {
      Class.forName(cls, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("class " + cls + " of --select " + selector
          + " is not on the class path " + classPath, e);
    }
  }

  private Set<Path> directories() {
    Set<Path> dirs = new LinkedHashSet<>();
    classPath.stream().filter(Files::isDirectory).map(Path::toAbsolutePath).forEach(dirs::add);
    return dirs;
  }

  private List<ScenarioRunner.Target> discover(List<? extends DiscoverySelector> selectors) {
    Launcher launcher = LauncherFactory.create();
    try (WorkerClassPath ignored = WorkerClassPath.extend(List.of(), loader)) {
      TestPlan plan = launcher.discover(LauncherDiscoveryRequestBuilder.request()
          .selectors(selectors).build());
      List<ScenarioRunner.Target> out = new ArrayList<>();
      for (TestIdentifier root : plan.getRoots()) {
        for (TestIdentifier t : plan.getDescendants(root)) {
          t.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
              .filter(this::isInterleaveTest)
              .ifPresent(m -> out.add(new ScenarioRunner.Target(m.getClassName() + "#"
                  + m.getMethodName(), m.getClassName(), m.getMethodName(), loader, classPath,
                  null)));
        }
      }
      return out;
    }
  }

  private boolean isInterleaveTest(MethodSource source) {
    try {
      for (Class<?> c = Class.forName(source.getClassName(), false, loader); c != null;
          c = c.getSuperclass()) {
        for (Method m : c.getDeclaredMethods()) {
          if (m.getName().equals(source.getMethodName())
              && m.isAnnotationPresent(InterleaveTest.class)) {
            return true;
          }
        }
      }
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
    return false;
  }

  /** Closes the class path's loader; run the selected tests before. */
  @Override
  public void close() throws IOException {
    loader.close();
  }
}
