package dev.interleave.internal.ipc;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which classes are the application's own, for the default deserialization rules: classes loaded
 * from a directory (a build's output, such as {@code target/classes} and {@code
 * target/test-classes}) and from the jar holding the program's main class. Classes of other jars
 * on the class path, the libraries, are not; a user names those with {@link
 * ClassRules#ALLOW_PROPERTY}. Child JVMs judge by their root's main jar, passed to them in the
 * system property {@value #MAIN_JAR_PROPERTY} (set here the first time it is needed).
 */
final class ApplicationCode {
  static final String MAIN_JAR_PROPERTY = "interleave.serialFilter.mainJar";

  private static final Set<Path> DIRECTORIES = ConcurrentHashMap.newKeySet();

  private ApplicationCode() {}

  /** Whether {@code c} was loaded from a directory or from the main jar. */
  static boolean contains(Class<?> c) {
    Path where = location(c);
    if (where == null) {
      return false;
    }
    if (where.equals(mainJar()) || DIRECTORIES.contains(where)) {
      return true;
    }
    if (Files.isDirectory(where)) {
      DIRECTORIES.add(where);
      return true;
    }
    return false;
  }

  private static Path location(Class<?> c) {
    CodeSource source = c.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null;
    }
    try {
      return Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The root's main jar: inherited, or this JVM's own, recorded for its children. */
  private static Path mainJar() {
    String inherited = System.getProperty(MAIN_JAR_PROPERTY);
    if (inherited != null) {
      return inherited.isEmpty() ? null : Path.of(inherited);
    }
    Path jar = ownMainJar();
    System.setProperty(MAIN_JAR_PROPERTY, jar == null ? "" : jar.toString());
    return jar;
  }

  private static Path ownMainJar() {
    String command = System.getProperty("sun.java.command", "").trim();
    String main = command.split("\\s+", 2)[0];
    if (main.endsWith(".jar")) {
      return Path.of(main).toAbsolutePath().normalize();
    }
    try {
      Path where = location(Class.forName(main, false, ClassLoader.getSystemClassLoader()));
      return where == null || Files.isDirectory(where) ? null : where;
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
