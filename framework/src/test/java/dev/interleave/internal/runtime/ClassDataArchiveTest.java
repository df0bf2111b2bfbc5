package dev.interleave.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interleave.mp.Process;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Child JVMs share a class-data archive when the class path is all jars: a trainer makes it
 * once, later children map the runtime's classes from it; and it stays out of the way where it
 * cannot apply.
 */
@Timeout(240)
class ClassDataArchiveTest {
  private static final List<String> FLAGS = List.of("-XX:+UseSerialGC", "-Xshare:auto");

  @TempDir
  Path dir;

  @Test
  void aBadSettingFailsNamingThePropertyAndTheValue() {
    assertThatThrownBy(() -> ClassDataArchive.enabled("maybe"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interleave.child.cds must be true or false but was: maybe");
    assertThat(ClassDataArchive.enabled(null)).isTrue();
    assertThat(ClassDataArchive.enabled("True")).isTrue();
    assertThat(ClassDataArchive.enabled("false")).isFalse();
  }

  @Test
  void noArchiveForADirectoryOnTheClassPathOrFlagsThatChooseTheirOwn() throws IOException {
    Path cds = dir.resolve("cds");
    Path jar = emptyJar(dir.resolve("a.jar"));
    assertThat(ClassDataArchive.archiveIn(FLAGS, jar.toString(), cds)).isNotNull();
    assertThat(ClassDataArchive.archiveIn(FLAGS, dir + File.pathSeparator + jar, cds)).isNull();
    assertThat(ClassDataArchive.archiveIn(List.of("-Xshare:off"), jar.toString(), cds)).isNull();
    assertThat(ClassDataArchive.archiveIn(List.of("-XX:SharedArchiveFile=/x.jsa"),
        jar.toString(), cds)).isNull();
  }

  @Test
  void aRebuiltJarOrOtherFlagsGetAnotherArchive() throws IOException {
    Path cds = dir.resolve("cds");
    Path jar = emptyJar(dir.resolve("a.jar"));
    Path first = ClassDataArchive.archiveIn(FLAGS, jar.toString(), cds);
    assertThat(ClassDataArchive.archiveIn(FLAGS, jar.toString(), cds)).isEqualTo(first);
    assertThat(ClassDataArchive.archiveIn(List.of("-XX:+UseParallelGC"), jar.toString(), cds))
        .isNotEqualTo(first);
    Files.setLastModifiedTime(jar, FileTime.fromMillis(
        Files.getLastModifiedTime(jar).toMillis() - 60_000));
    Path rebuilt = ClassDataArchive.archiveIn(FLAGS, jar.toString(), cds);
    assertThat(rebuilt).isNotEqualTo(first);
    assertThat(rebuilt.getParent()).isEqualTo(cds);
  }

  @Test
  void onlyReleasesBefore24TakeTheArchive() {
    assertThat(ClassDataArchive.supported(17)).isTrue();
    assertThat(ClassDataArchive.supported(23)).isTrue();
    assertThat(ClassDataArchive.supported(24)).isFalse();
    assertThat(ClassDataArchive.supported(25)).isFalse();
  }

  @Test
  void theCommandWithoutTheArchiveIsTheSameLaunch() {
    List<String> with = List.of("java", ClassDataArchive.FLAG + "/c/x.jsa", "-cp", "a.jar", "M");
    assertThat(ClassDataArchive.withoutArchive(with)).containsExactly("java", "-cp", "a.jar", "M");
  }

  @Test
  void pruningKeepsTheNewestArchivesAndOldAbandonedTrainings() throws IOException {
    long now = System.currentTimeMillis();
    for (int i = 0; i < 10; i++) {
      Path f = Files.writeString(dir.resolve("children-" + i + ".jsa"), "x");
      Files.setLastModifiedTime(f, FileTime.fromMillis(now - i * 1_000L));
    }
    Path oldTraining = Files.writeString(dir.resolve("children-9.jsa.1.tmp"), "x");
    Files.setLastModifiedTime(oldTraining, FileTime.fromMillis(now - 3_600_000L));
    Path training = Files.writeString(dir.resolve("children-8.jsa.2.tmp"), "x");
    ClassDataArchive.prune(dir);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()).sorted()).containsExactly(
          "children-0.jsa", "children-1.jsa", "children-2.jsa", "children-3.jsa",
          "children-4.jsa", "children-5.jsa", "children-6.jsa", "children-7.jsa",
          training.getFileName().toString());
    }
  }

  /** Starts a child (the trainer starts too), waits for the archive, starts another. */
  public static void main(String[] args) throws Exception {
    if (args[0].equals("start-once")) {
      try {
        new Process(ClassDataArchiveTest::reportPid).start();
      } catch (IllegalArgumentException e) {
        System.out.println("start failed: " + e.getMessage());
      }
      return;
    }
    Path archives = Path.of(args[0]);
    Process first = new Process(ClassDataArchiveTest::reportPid);
    first.start();
    first.join();
    Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> hasArchive(archives));
    Process second = new Process(ClassDataArchiveTest::reportPid);
    second.start();
    second.join();
    System.out.println("exit codes " + first.exitCode() + " " + second.exitCode());
  }

  private static void reportPid() {
    System.out.println("child " + ProcessHandle.current().pid());
  }

  private static boolean hasArchive(Path archives) throws IOException {
    try (Stream<Path> files = Files.list(archives)) {
      return files.anyMatch(f -> f.toString().endsWith(".jsa"));
    }
  }

  @Test
  void childrenOnAJarClassPathMapTheRuntimeFromTheArchive() throws Exception {
    assumeSupported();
    Path archives = dir.resolve("cds");
    Path logs = Files.createDirectories(dir.resolve("logs"));
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-Dinterleave.warm=0",
        "-D" + ClassDataArchive.DIR_PROPERTY + "=" + archives,
        "-Dinterleave.child.jvmArgs=-XX:+UseSerialGC -Xshare:auto -Xlog:class+load:file="
            + logs.resolve("load-%p.txt"),
        "-cp", jarClassPath(), ClassDataArchiveTest.class.getName(), archives.toString()));
    java.lang.Process jvm = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out;
    try {
      out = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(jvm.waitFor(180, TimeUnit.SECONDS)).isTrue();
      assertThat(jvm.exitValue()).as(out).isZero();
    } finally {
      jvm.descendants().forEach(ProcessHandle::destroyForcibly);
      jvm.destroyForcibly();
    }
    assertThat(out).contains("exit codes OptionalInt[0] OptionalInt[0]");
    List<String> children = out.lines().filter(l -> l.startsWith("child ")).toList();
    assertThat(children).hasSize(2);
    String before = Files.readString(logs.resolve("load-" + children.get(0).substring(6)
        + ".txt"));
    String after = Files.readString(logs.resolve("load-" + children.get(1).substring(6)
        + ".txt"));
    String childMain = ChildMain.class.getName() + " source: ";
    assertThat(before).contains(childMain + "file:").doesNotContain(childMain + "shared");
    assertThat(after).contains(childMain + "shared objects file (top)");
    try (Stream<Path> files = Files.list(archives)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .singleElement().asString().matches("children-[0-9a-f]{24}\\.jsa");
    }
  }

  private static void assumeSupported() {
    Assumptions.assumeTrue(ClassDataArchive.supported(Runtime.version().feature()),
        "no archive on this Java release");
  }

  @Test
  void aBadSettingFailsStartInARealProgram() throws Exception {
    java.lang.Process jvm = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-D" + ClassDataArchive.PROPERTY + "=maybe",
        "-cp", System.getProperty("java.class.path"), ClassDataArchiveTest.class.getName(),
        "start-once").redirectErrorStream(true).start();
    try {
      String out = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(out).contains(
          "start failed: interleave.child.cds must be true or false but was: maybe");
    } finally {
      jvm.descendants().forEach(ProcessHandle::destroyForcibly);
      jvm.destroyForcibly();
    }
  }

  /** The test class path with each directory packed into a jar. */
  private String jarClassPath() throws IOException {
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p)) {
        Path jar = dir.resolve("dir" + n++ + ".jar");
        pack(p, jar);
        entries.add(jar.toString());
      } else if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static void pack(Path from, Path jar) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jos = new JarOutputStream(out);
        Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        jos.putNextEntry(new JarEntry(from.relativize(f).toString().replace(File.separatorChar,
            '/')));
        Files.copy(f, jos);
        jos.closeEntry();
      }
    }
  }

  private static Path emptyJar(Path jar) throws IOException {
    try (JarOutputStream jos = new JarOutputStream(Files.newOutputStream(jar))) {
      jos.putNextEntry(new JarEntry("empty.txt"));
      jos.closeEntry();
    }
    return jar;
  }
}
