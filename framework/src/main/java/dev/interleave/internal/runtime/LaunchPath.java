package dev.interleave.internal.runtime;

/**
 * Where {@code Process.start()} sends a child: a fresh or warm child JVM by default, a harness
 * worker JVM while a harness {@linkplain Launcher#override overrides} the path.
 */
@FunctionalInterface
public interface LaunchPath {

  /**
   * Starts the process {@code name} from its serialized {@code payload}, or returns null to let
   * the default path launch it (for example when called from a thread the harness does not
   * control).
   */
  ChildHandle launch(String name, boolean daemon, byte[] payload);
}
