package dev.interleave.internal.runtime;

/**
 * What runs a deserialized process in a child JVM: installed by the public API's process class
 * when it is initialized (so the runtime depends on no type of it), and named to children so
 * that a warm JVM can load it while it waits.
 */
public interface Bootstrap {
  /**
   * Runs {@code process} (a deserialized process object) as this JVM's process; {@code task}
   * when a reused JVM runs it as one task of many (a harness worker).
   */
  void run(Object process, boolean task) throws Exception;

  /** Loads and exercises what every process needs, in a warm JVM waiting for its task. */
  void prime() throws Exception;

  /** The system property naming the bootstrap's class, which children load first. */
  String PROPERTY = "interleave.bootstrap";

  /** Installs {@code bootstrap}; the first one installed stays. */
  static void install(Bootstrap bootstrap) {
    Bootstraps.install(bootstrap);
  }
}
