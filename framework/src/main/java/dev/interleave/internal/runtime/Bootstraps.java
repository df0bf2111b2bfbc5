package dev.interleave.internal.runtime;

/** Holds the installed {@link Bootstrap}. */
final class Bootstraps {
  private static volatile Bootstrap installed;

  private Bootstraps() {}

  static synchronized void install(Bootstrap bootstrap) {
    if (installed == null) {
      installed = bootstrap;
    }
  }

  /** The installed bootstrap, loading the class named by {@link Bootstrap#PROPERTY} if needed. */
  static Bootstrap get() {
    Bootstrap b = installed;
    if (b != null) {
      return b;
    }
    String name = System.getProperty(Bootstrap.PROPERTY);
    if (name == null) {
      throw new IllegalStateException("no process bootstrap is installed and "
          + Bootstrap.PROPERTY + " is not set");
    }
    try {
      Class.forName(name, true, Bootstraps.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("cannot load the process bootstrap " + name, e);
    }
    b = installed;
    if (b == null) {
      throw new IllegalStateException("loading " + name + " installed no process bootstrap");
    }
    return b;
  }

  /** The installed bootstrap's class name, for children's command lines, or null. */
  static String className() {
    Bootstrap b = installed;
    return b == null ? System.getProperty(Bootstrap.PROPERTY) : b.getClass().getName();
  }
}
