package dev.interleave.mp;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The start methods: how a started process gets its JVM. */
enum StartMethod {
  /** A fresh JVM per process, as CPython's spawn starts a fresh interpreter. */
  SPAWN("spawn"),
  /** A warm JVM from the pool (started ahead, waiting for work), as CPython's forkserver. */
  FORKSERVER("forkserver");

  private final String pythonName;

  StartMethod(String pythonName) {
    this.pythonName = pythonName;
  }

  String pythonName() {
    return pythonName;
  }

  static List<String> names() {
    return Arrays.stream(values()).map(StartMethod::pythonName).toList();
  }

  /** The method called {@code name}; a clear exception for any other name. */
  static StartMethod of(String name) {
    for (StartMethod m : values()) {
      if (m.pythonName.equals(name)) {
        return m;
      }
    }
    String hint = "fork".equals(name == null ? null : name.toLowerCase(Locale.ROOT))
        ? " (a JVM cannot fork; \"forkserver\" gives warm JVMs)" : "";
    throw new IllegalArgumentException("cannot find context for '" + name + "': the start"
        + " methods are " + names() + hint);
  }
}
