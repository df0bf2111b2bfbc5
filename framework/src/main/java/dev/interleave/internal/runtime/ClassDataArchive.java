package dev.interleave.internal.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A class-data-sharing archive of what a child JVM loads on its way to the task, made once per
 * JVM build, flags and class path, and given to every later child.
 *
 * <p>A fresh child spends most of its start-up loading and linking classes: the runtime's, the
 * JDK's classes it uses beyond the JDK's default archive, JNA's, and the method-handle classes
 * that deserializing lambdas and records spins. HotSpot can map such classes from a dynamic
 * archive ({@code -XX:SharedArchiveFile}) instead; on this project's 2-core machine that cut a
 * burst of ten cold children by about a fifth.
 *
 * <p>How: when a child is launched and no archive matches, one <em>trainer</em> JVM is started
 * in the background, with the children's command line plus {@code -XX:ArchiveClassesAtExit}. It
 * runs the bootstrap's priming (what a warm JVM loads while it waits: serialization, lambda
 * deserialization, the runtime's classes, the futex parker) and exits, writing the archive,
 * which is then moved into place. Children launched before that run without it. The archive's
 * name is a digest of {@code java.home}, the JVM's version, the child flags, the class path and
 * each jar's size and modification time: a rebuilt jar or another JDK gets another archive,
 * and a JVM never reads an archive it did not make (Java 25 prints a warning for those). The
 * directory keeps the {@value #KEEP} newest archives.
 *
 * <p>When: only on Java 17 to 23 (see {@link #supported}), if every class path entry is a jar
 * file (HotSpot refuses to dump with a non-empty directory on the class path, as under Maven's
 * test runs), the child flags choose no archive of their own, and {@value #PROPERTY} is not
 * {@code false}. The directory is {@value
 * #DIR_PROPERTY}, else {@code $XDG_CACHE_HOME/interleave/cds}, else {@code
 * ~/.cache/interleave/cds}.
 */
final class ClassDataArchive {
  /** {@code true} (default) or {@code false}: whether children use an archive. */
  static final String PROPERTY = "interleave.child.cds";
  /** The directory of the archives. */
  static final String DIR_PROPERTY = "interleave.child.cdsDir";
  static final String FLAG = "-XX:SharedArchiveFile=";
  private static final int KEEP = 8;
  private static final Duration STALE_TRAINING = Duration.ofMinutes(10);
  private static final List<String> OWN_CHOICE = List.of("SharedArchiveFile",
      "ArchiveClassesAtExit", "Xshare:off", "AOTCache", "AutoCreateSharedArchive",
      "SharedClassListFile", "DumpLoadedClassList");

  private static final Object LOCK = new Object();
  private static String trainedFor;
  private static java.lang.Process trainer;
  private static Path training;
  private static boolean stopAtExit;

  private ClassDataArchive() {}

  /**
   * Whether children use an archive: {@value #PROPERTY}, {@code true} unless set.
   *
   * @throws IllegalArgumentException if the property is neither {@code true} nor {@code false}
   */
  static boolean enabled() {
    return enabled(System.getProperty(PROPERTY));
  }

  /** {@link #enabled()} for the setting {@code value} (null: unset). */
  static boolean enabled(String value) {
    return switch (value == null ? "true" : value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(PROPERTY + " must be true or false but was: "
          + value);
    };
  }

  /**
   * The flags that give a child launched with {@code flags} and {@code classPath} the archive:
   * none while it does not exist yet (a trainer then makes it, once per JVM and archive).
   */
  static List<String> flags(List<String> command, List<String> flags, String classPath) {
    Path archive = archiveFor(flags, classPath);
    if (archive == null) {
      return List.of();
    }
    if (Files.isRegularFile(archive)) {
      return List.of(FLAG + archive);
    }
    train(command, archive);
    return List.of();
  }

  /** The command without the archive flag: launches that differ only there are alike. */
  static List<String> withoutArchive(List<String> command) {
    return command.stream().filter(arg -> !arg.startsWith(FLAG)).toList();
  }

  /** The archive children of these flags and this class path use, or null if none applies. */
  static Path archiveFor(List<String> flags, String classPath) {
    if (!enabled() || !supported(Runtime.version().feature())) {
      return null;
    }
    return archiveIn(flags, classPath, null);
  }

  /**
   * The archive for these flags and this class path in {@code dir} (null: the configured
   * directory), or null if the flags choose their own or the class path is not all jars.
   */
  static Path archiveIn(List<String> flags, String classPath, Path dir) {
    if (flags.stream().anyMatch(f -> OWN_CHOICE.stream().anyMatch(f::contains))) {
      return null;
    }
    List<Path> jars = jars(classPath);
    if (jars == null) {
      return null;
    }
    dir = dir == null ? directory() : dir;
    if (dir == null) {
      return null;
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      List<String> parts = new ArrayList<>(List.of(System.getProperty("java.home"),
          System.getProperty("java.vm.version"), String.join(" ", flags), classPath));
      for (Path jar : jars) {
        parts.add(Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis());
      }
      byte[] hash = digest.digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
      return dir.resolve("children-" + HexFormat.of().formatHex(hash, 0, 12) + ".jsa");
    } catch (IOException | NoSuchAlgorithmException e) {
      return null; // a jar vanished or no digest: launch without an archive
    }
  }

  /**
   * Whether a dynamic archive works for children of this Java release: on 24 and later,
   * HotSpot rejects it beside {@code --enable-native-access} (which children need for JNA
   * there), printing errors on stdout.
   */
  static boolean supported(int feature) {
    return feature < 24;
  }

  /** The class path's entries if each is a jar file, else null. */
  private static List<Path> jars(String classPath) {
    if (classPath == null || classPath.isBlank()) {
      return null;
    }
    List<Path> jars = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (!entry.endsWith(".jar") || !Files.isRegularFile(p)) {
        return null;
      }
      jars.add(p);
    }
    return jars;
  }

  private static Path directory() {
    String configured = System.getProperty(DIR_PROPERTY);
    Path dir;
    if (configured != null && !configured.isBlank()) {
      dir = Path.of(configured);
    } else {
      String cache = System.getenv("XDG_CACHE_HOME");
      dir = (cache != null && !cache.isBlank() ? Path.of(cache)
          : Path.of(System.getProperty("user.home"), ".cache")).resolve("interleave/cds");
    }
    try {
      return Files.createDirectories(dir);
    } catch (IOException | RuntimeException e) {
      return null; // not writable here: launch without an archive
    }
  }

  /** Starts the trainer for {@code archive} unless this JVM already did. */
  private static void train(List<String> command, Path archive) {
    synchronized (LOCK) {
      if (archive.toString().equals(trainedFor)) {
        return;
      }
      trainedFor = archive.toString();
      Path temporary = archive.resolveSibling(archive.getFileName() + "."
          + ProcessHandle.current().pid() + ".tmp");
      training = temporary;
      List<String> cmd = new ArrayList<>(command);
      cmd.add(1, "-XX:ArchiveClassesAtExit=" + temporary);
      try {
        trainer = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        trainer.getOutputStream().close(); // no task: it primes, reads end-of-file and exits
        trainer.onExit().thenAccept(p -> install(p.exitValue(), temporary, archive));
        if (!stopAtExit) {
          stopAtExit = true;
          Runtime.getRuntime().addShutdownHook(new Thread(ClassDataArchive::stopTrainer,
              "interleave-cds-trainer-stop"));
        }
      } catch (IOException e) {
        trainer = null; // children launch without an archive
      }
    }
  }

  /** Moves a finished archive into place and prunes the directory. */
  private static void install(int exitCode, Path temporary, Path archive) {
    try {
      if (exitCode == 0 && Files.isRegularFile(temporary) && Files.size(temporary) > 0) {
        try {
          Files.move(temporary, archive, StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, archive, StandardCopyOption.REPLACE_EXISTING);
        }
      } else {
        Files.deleteIfExists(temporary);
      }
      prune(archive.getParent());
    } catch (IOException e) {
      // another JVM pruned or replaced it: children launch with whatever is there
    }
  }

  /** Keeps the newest archives and removes trainings abandoned long ago. */
  static void prune(Path dir) throws IOException {
    List<Path> archives;
    try (Stream<Path> files = Files.list(dir)) {
      archives = files.filter(f -> f.getFileName().toString().startsWith("children-")).toList();
    }
    Instant staleBefore = Instant.now().minus(STALE_TRAINING);
    List<Path> finished = new ArrayList<>();
    for (Path f : archives) {
      if (f.toString().endsWith(".jsa")) {
        finished.add(f);
      } else if (f.toString().endsWith(".tmp")
          && Files.getLastModifiedTime(f).toInstant().isBefore(staleBefore)) {
        Files.deleteIfExists(f);
      }
    }
    finished.sort(Comparator.comparing(ClassDataArchive::modified).reversed());
    for (Path old : finished.subList(Math.min(KEEP, finished.size()), finished.size())) {
      Files.deleteIfExists(old);
    }
  }

  private static Instant modified(Path f) {
    try {
      return Files.getLastModifiedTime(f).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }

  /** At exit: a trainer still running is stopped (its partial archive is never installed). */
  private static void stopTrainer() {
    java.lang.Process p;
    Path partial;
    synchronized (LOCK) {
      p = trainer;
      partial = training;
    }
    if (p != null && p.isAlive()) {
      p.destroyForcibly();
      try {
        p.waitFor(2, TimeUnit.SECONDS);
        Files.deleteIfExists(partial);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // left for a later JVM to prune
      }
    }
  }

  /** The running trainer, for tests; null if none was started. */
  static java.lang.Process trainer() {
    synchronized (LOCK) {
      return trainer;
    }
  }
}
