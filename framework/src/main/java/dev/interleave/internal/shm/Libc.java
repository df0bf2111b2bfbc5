package dev.interleave.internal.shm;

import com.sun.jna.NativeLibrary;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * The C library, for JNA direct mapping.
 *
 * <p>On Linux, JNA's first {@link NativeLibrary} lookup runs {@code /sbin/ldconfig -p} in a
 * child process to learn the library directories, unless the system property {@code
 * jna.platform.library.path} is set; that process costs every JVM that blocks on a primitive
 * some 20–40 ms of CPU, a tenth of a child JVM's start. When the property is unset, this class
 * sets it first to the standard directories JNA searches anyway (those that exist), so
 * libraries that only {@code ldconfig} knows are still found through {@code dlopen}'s own
 * search. A value the user set is left alone.
 */
public final class Libc {
  private static final String PATH_PROPERTY = "jna.platform.library.path";

  private Libc() {}

  /** libc, looked up without running {@code ldconfig}. */
  public static synchronized NativeLibrary library() {
    if (System.getProperty(PATH_PROPERTY) == null) {
      String path = standardDirectories();
      if (!path.isEmpty()) {
        System.setProperty(PATH_PROPERTY, path);
      }
    }
    return NativeLibrary.getInstance("c");
  }

  /** JNA's default library directories on this machine, without those only ldconfig lists. */
  static String standardDirectories() {
    String arch = System.getProperty("os.arch", "");
    String multiarch = switch (arch) {
      case "amd64", "x86_64" -> "x86_64-linux-gnu";
      case "aarch64" -> "aarch64-linux-gnu";
      default -> null;
    };
    List<String> dirs = new ArrayList<>();
    if (multiarch != null) {
      dirs.add("/usr/lib/" + multiarch);
      dirs.add("/lib/" + multiarch);
    }
    dirs.addAll(List.of("/usr/lib64", "/lib64", "/usr/lib", "/lib"));
    dirs.removeIf(d -> !new File(d).isDirectory());
    return String.join(File.pathSeparator, dirs);
  }
}
