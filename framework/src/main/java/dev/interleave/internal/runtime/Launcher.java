package dev.interleave.internal.runtime;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Starts child JVMs: from the warm pool when one is ready, else cold.
 *
 * <p>The command is this JVM's {@code java}, its class path, the child flags ({@code
 * interleave.child.jvmArgs}, default {@value #DEFAULT_FLAGS}) and {@link ChildMain}. The first
 * cold launch of a JVM waits until the child reaches the bootstrap, so that a bad command line
 * fails at {@code start()} with the command and the child's output; later launches return at
 * once and report a failed launch at {@code join()}.
 */
public final class Launcher {
  /** The child JVMs' flags unless {@code interleave.child.jvmArgs} names others. */
  public static final String DEFAULT_FLAGS = "-XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto";
  private static final Duration FIRST_LAUNCH_TIMEOUT = Duration.ofSeconds(60);
  private static volatile boolean validated;
  private static volatile LaunchPath override;

  private Launcher() {}

  /** Launches the child for the process {@code name} with its serialized {@code payload}. */
  public static ChildHandle launch(String name, boolean daemon, byte[] payload) {
    return launch(name, daemon, payload, false);
  }

  /**
   * Launches the child for the process {@code name}; {@code fresh} starts a new JVM for it
   * (the "spawn" start method) instead of taking a warm one ("forkserver").
   */
  public static ChildHandle launch(String name, boolean daemon, byte[] payload, boolean fresh) {
    LaunchPath path = override;
    if (path != null) {
      ChildHandle handle = path.launch(name, daemon, payload);
      if (handle != null) {
        return handle;
      }
    }
    ChildSpec spec = new ChildSpec(name, daemon, ProcessContext.current().name(),
        ProcessContext.current().pid(), childProperties(), payload);
    ChildJvm warm = fresh ? null : WarmPool.take();
    if (warm != null && warm.send(spec)) {
      return warm;
    }
    ChildJvm jvm = ChildJvm.launch(launchCommand());
    if (!validated) {
      awaitReady(jvm);
      validated = true;
    }
    if (!jvm.send(spec)) {
      awaitReady(jvm);
      throw new LaunchException("the child JVM closed its input before reading its task",
          jvm.command(), null, "", null);
    }
    return jvm;
  }

  /**
   * Sends every later {@code start()} through {@code path} first (a harness does this while it
   * runs a scenario); {@code null} restores the default.
   */
  public static void override(LaunchPath path) {
    override = path;
  }

  /**
   * Launches a child JVM that runs {@code payload} (a serialized {@code Process}) outside the
   * warm pool and any override, and waits until its bootstrap runs. The harness boots its
   * worker JVMs this way.
   */
  public static ChildJvm launchDirect(String name, byte[] payload) {
    ChildSpec spec = new ChildSpec(name, false, ProcessContext.current().name(),
        ProcessContext.current().pid(), childProperties(), payload);
    ChildJvm jvm = ChildJvm.launch(launchCommand());
    awaitReady(jvm);
    if (!jvm.send(spec)) {
      throw new LaunchException("the child JVM closed its input before reading its task",
          jvm.command(), null, "", null);
    }
    return jvm;
  }

  /** Starts a JVM for the warm pool and waits until it is ready. */
  static ChildJvm launchWarm() {
    ChildJvm jvm = ChildJvm.launch(launchCommand());
    awaitReady(jvm);
    validated = true;
    return jvm;
  }

  /** See {@code Process.warmUp}. */
  public static void warmUp(int jvms) throws InterruptedException {
    WarmPool.fill(jvms);
  }

  private static void awaitReady(ChildJvm jvm) {
    try {
      jvm.awaitReady(FIRST_LAUNCH_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      jvm.terminate(true);
      throw new LaunchException("interrupted while launching a child JVM", jvm.command(), null,
          "", e);
    }
  }

  /**
   * The child JVM's command line, without the class-data archive a launch may add: JVMs
   * launched with equal commands are interchangeable.
   */
  static List<String> command() {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(childFlags());
    cmd.add("--enable-native-access=ALL-UNNAMED"); // JNA's futex calls, silent on Java 24+
    if (Runtime.version().feature() >= 23) {
      cmd.add("--sun-misc-unsafe-memory-access=allow"); // the rings' raw access, silent on 24+
    }
    cmd.add("-Dfile.encoding=" + Charset.defaultCharset().name());
    String bootstrap = Bootstraps.className();
    if (bootstrap != null) {
      cmd.add("-D" + Bootstrap.PROPERTY + "=" + bootstrap);
    }
    for (String key : List.of("stdout.encoding", "stderr.encoding")) {
      String value = System.getProperty(key);
      if (value != null) {
        cmd.add("-D" + key + "=" + value);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ChildMain.class.getName());
    return cmd;
  }

  /** {@link #command()} with the class-data archive's flags, if one applies. */
  private static List<String> launchCommand() {
    List<String> cmd = command();
    cmd.addAll(1, ClassDataArchive.flags(List.copyOf(cmd), childFlags(),
        System.getProperty("java.class.path")));
    return cmd;
  }

  /** The child JVM flags: {@code interleave.child.jvmArgs}, else {@value #DEFAULT_FLAGS}. */
  private static List<String> childFlags() {
    List<String> flags = new ArrayList<>();
    for (String flag : System.getProperty("interleave.child.jvmArgs", DEFAULT_FLAGS).split("\\s+")) {
      if (!flag.isBlank()) {
        flags.add(flag);
      }
    }
    return flags;
  }

  /**
   * What a child launched now would be started with (its command line and the {@code
   * interleave.*} properties it inherits), less the properties named in {@code ignoring}: JVMs
   * started with equal keys are interchangeable.
   *
   * <p>The bootstrap's name is left out: it is named to children once the process class has been
   * initialized, which in a fresh JVM happens during its first scenario, and a child without the
   * name loads the same bootstrap with the first process it runs (there is one per class path).
   * With the name in the key, the second harness test of every JVM booted a second pool.
   */
  public static String launchKey(java.util.Set<String> ignoring) {
    Map<String, String> props = childProperties();
    props.keySet().removeAll(ignoring);
    List<String> cmd = command();
    cmd.removeIf(arg -> arg.startsWith("-D" + Bootstrap.PROPERTY + "="));
    return String.join("\u0000", cmd) + "\u0000" + props;
  }

  /** The {@code interleave.*} system properties, which every child inherits. */
  static Map<String, String> childProperties() {
    Map<String, String> props = new TreeMap<>();
    for (String key : System.getProperties().stringPropertyNames()) {
      if (key.startsWith("interleave.") && !key.startsWith("interleave.child.jvmArgs")) {
        props.put(key, System.getProperty(key));
      }
    }
    return props;
  }
}
