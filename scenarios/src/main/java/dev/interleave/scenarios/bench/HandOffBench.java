package dev.interleave.scenarios.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interleave.internal.runtime.Serialization;
import dev.interleave.internal.shm.Parker;
import dev.interleave.internal.shm.Segment;
import dev.interleave.internal.shm.SharedMemory;
import dev.interleave.mp.Process;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The floor under a controlled schedule on this machine, set beside {@link ExploreBench}'s goals
 * (1,000 schedules/s for the ten-process racy counter, 3,000 for two).
 *
 * <p>Two parts, each measured in the same run:
 *
 * <ul>
 *   <li><b>The hand-off.</b> This JVM passes a turn to N child JVMs in rotation and waits for
 *       each to pass it back, as a controller grants a step and waits for the next report. Once
 *       through a futex word in shared memory (the cheapest cross-process wake-up there is: both
 *       sides park), once over a Unix socket with blocking reads (the harness's transport). A
 *       pass is two wake-ups of a parked thread in another JVM; half a round trip is the cost of
 *       one.
 *   <li><b>The scenario's own work</b>, in this JVM with warm caches and compiled code: per
 *       schedule, the racy counter's temporary directory and file made and the file read at the
 *       end (the harness removes the directory off the schedule's path; its cost is printed
 *       apart); per process, its task made and serialized (as {@code start()} does) and
 *       deserialized (as a worker does), and the body's read and write of the file.
 * </ul>
 *
 * <p>The work alone bounds the rate of schedules. The floor of a schedule of P processes is
 * {@code P x k x one-way + schedule work + P x process work}, where k is the cross-JVM wake-ups a process costs: 9 in the harness's protocol
 * (its assignment, the start permission, a report and a permission for each of its three points
 * {@code read}, {@code write} and its exit, and its exit message), 6 in the least a controller
 * could do with a round trip per point (the assignment carrying the start permission, and the
 * exit report carrying the exit). The floor leaves out everything else a schedule costs (the
 * controller's decisions, main's own hand-offs inside the test JVM, cold caches in ten JVMs
 * taking turns), so the rate it allows is more than any controller could reach here.
 *
 * <p>Usage: {@code HandOffBench [passes] [rounds] [json-out]} (defaults 3000, 3 and {@code
 * target/bench-handoff.json}).
 */
public final class HandOffBench {
  private static final int[] JVMS = {2, 10};
  private static final String[] TRANSPORTS = {"futex", "socket"};
  /** The harness's cross-JVM wake-ups per process of the racy counter, and the least possible. */
  private static final int HARNESS_WAKEUPS = 9;
  private static final int LEAST_WAKEUPS = 6;
  private static final int WORK_REPEATS = 2000;
  private static final long CHILD_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final byte TURN = 1;
  private static final byte STOP = 2;

  private HandOffBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(args);
      return;
    }
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path out = Path.of(args.length > 2 ? args[2] : "target/bench-handoff.json");
    if (passes < 100 || rounds < 1) {
      throw new IllegalArgumentException("passes must be >= 100 and rounds >= 1, got " + passes
          + " and " + rounds);
    }
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      System.out.println("round " + round + "/" + rounds);
      for (int jvms : JVMS) {
        for (String transport : TRANSPORTS) {
          double us = ring(transport, jvms, passes);
          System.out.printf(Locale.ROOT, "  %-6s %2d JVMs: round trip %.1f us%n", transport, jvms,
              us);
          add(samples, roundTrip(transport, jvms), us);
        }
      }
      work(samples);
    }
    report(samples, rounds, passes, out);
  }

  private static String roundTrip(String transport, int jvms) {
    return "round_trip_us[" + transport + ", " + jvms + " JVMs]";
  }

  // ---------------------------------------------------------------- the hand-off

  /** Passes the turn {@code passes} times around {@code jvms} children; the median round trip. */
  private static double ring(String transport, int jvms, int passes) throws Exception {
    long[] nanos = new long[passes];
    List<java.lang.Process> children = new ArrayList<>();
    try {
      if (transport.equals("futex")) {
        futexRing(jvms, nanos, children);
      } else {
        socketRing(jvms, nanos, children);
      }
      for (java.lang.Process c : children) {
        if (!c.waitFor(30, TimeUnit.SECONDS) || c.exitValue() != 0) {
          throw new IllegalStateException("a " + transport + " child did not end cleanly");
        }
      }
    } finally {
      children.forEach(java.lang.Process::destroyForcibly);
    }
    // the first quarter warms both sides up
    long[] kept = Arrays.copyOfRange(nanos, passes / 4, passes);
    Arrays.sort(kept);
    return kept[kept.length / 2] / 1e3;
  }

  /** Word {@code 64 (i + 1)}: 1 while child i holds the turn; the word after it: stop. */
  private static void futexRing(int jvms, long[] nanos, List<java.lang.Process> children)
      throws Exception {
    Parker parker = Parker.system();
    Segment s = SharedMemory.create("handoff", 64 * (jvms + 1));
    try {
      for (int i = 0; i < jvms; i++) {
        children.add(start("futex", s.name(), Integer.toString(i)));
      }
      for (int k = 0; k < nanos.length; k++) {
        int word = 64 * (k % jvms + 1);
        long t = System.nanoTime();
        s.setIntRelease(word, 1);
        parker.wake(s, word, 1);
        while (s.getInt(word) != 0) {
          parker.await(s, word, 1, CHILD_WAIT_NANOS);
        }
        nanos[k] = System.nanoTime() - t;
      }
      for (int i = 0; i < jvms; i++) {
        int word = 64 * (i + 1);
        s.setInt(word + 4, 1);
        s.setIntRelease(word, 1);
        parker.wake(s, word, 1);
      }
    } finally {
      for (java.lang.Process c : children) {
        c.waitFor(30, TimeUnit.SECONDS);
      }
      SharedMemory.release(s);
    }
  }

  private static void socketRing(int jvms, long[] nanos, List<java.lang.Process> children)
      throws Exception {
    Path dir = Files.createTempDirectory("interleave-handoff-");
    Path socket = dir.resolve("ring");
    List<SocketChannel> channels = new ArrayList<>();
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      for (int i = 0; i < jvms; i++) {
        children.add(start("socket", socket.toString()));
        channels.add(server.accept());
      }
      ByteBuffer b = ByteBuffer.allocateDirect(8);
      for (int k = 0; k < nanos.length; k++) {
        SocketChannel c = channels.get(k % jvms);
        long t = System.nanoTime();
        send(c, b, TURN);
        b.clear();
        if (c.read(b) < 0) {
          throw new IOException("a socket child went away");
        }
        nanos[k] = System.nanoTime() - t;
      }
      for (SocketChannel c : channels) {
        send(c, b, STOP);
      }
    } finally {
      for (SocketChannel c : channels) {
        c.close();
      }
      Files.deleteIfExists(socket);
      Files.deleteIfExists(dir);
    }
  }

  private static void send(SocketChannel c, ByteBuffer b, byte what) throws IOException {
    b.clear();
    b.put(what).flip();
    while (b.hasRemaining()) {
      c.write(b);
    }
  }

  private static java.lang.Process start(String... childArgs) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), HandOffBench.class.getName(), "--child"));
    cmd.addAll(List.of(childArgs));
    return new ProcessBuilder(cmd).inheritIO().start();
  }

  /** A child of the ring: passes the turn back each time it gets it, until told to stop. */
  private static void child(String[] args) throws Exception {
    if (args[1].equals("futex")) {
      Parker parker = Parker.system();
      Segment s = SharedMemory.attach(args[2]);
      int word = 64 * (Integer.parseInt(args[3]) + 1);
      while (true) {
        while (s.getInt(word) != 1) {
          parker.await(s, word, 0, CHILD_WAIT_NANOS);
        }
        if (s.getInt(word + 4) == 1) {
          return;
        }
        s.setIntRelease(word, 0);
        parker.wake(s, word, 1);
      }
    }
    try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(args[2]))) {
      ByteBuffer b = ByteBuffer.allocateDirect(8);
      while (true) {
        b.clear();
        if (c.read(b) < 0 || b.get(0) == STOP) {
          return;
        }
        send(c, b, TURN);
      }
    }
  }

  // ---------------------------------------------------------------- the scenario's own work

  /**
   * The racy counter's work per schedule and per process, warm, in microseconds (medians of the
   * second half of the repetitions). The schedule's directory is removed off its path in the
   * harness (on a thread of its own), so its removal is measured apart and left out of the floor.
   */
  private static void work(Map<String, List<Double>> samples) throws Exception {
    long[] schedule = new long[WORK_REPEATS];
    long[] removal = new long[WORK_REPEATS];
    long[] task = new long[WORK_REPEATS];
    long[] body = new long[WORK_REPEATS];
    ClassLoader loader = HandOffBench.class.getClassLoader();
    for (int i = 0; i < WORK_REPEATS; i++) {
      long t0 = System.nanoTime();
      Path dir = Files.createTempDirectory("interleave-handoff-");
      Path file = Files.writeString(dir.resolve("num.txt"), "10");
      long t1 = System.nanoTime();
      Object copy = Serialization.deserialize(
          Serialization.serialize(new Process(RacyCounterTen::decrement, file)), loader);
      long t2 = System.nanoTime();
      RacyCounterTen.decrement(file); // outside a harness its points are a null check
      long t3 = System.nanoTime();
      String outcome = Files.readString(file).trim();
      long t4 = System.nanoTime();
      Files.delete(file);
      Files.delete(dir);
      long t5 = System.nanoTime();
      if (!(copy instanceof Process) || !outcome.equals("9")) {
        throw new IllegalStateException("the work went wrong: " + copy + ", " + outcome);
      }
      schedule[i] = (t1 - t0) + (t4 - t3);
      removal[i] = t5 - t4;
      task[i] = t2 - t1;
      body[i] = t3 - t2;
    }
    add(samples, SCHEDULE_WORK, warmMedian(schedule));
    add(samples, TASK_WORK, warmMedian(task));
    add(samples, BODY_WORK, warmMedian(body));
    add(samples, "work_us[per schedule, off its path: the directory removed]",
        warmMedian(removal));
  }

  private static final String SCHEDULE_WORK =
      "work_us[per schedule: directory and file made, file read at the end]";
  private static final String TASK_WORK =
      "work_us[per process: task made, serialized and deserialized]";
  private static final String BODY_WORK = "work_us[per process: the body's read and write]";

  private static double warmMedian(long[] nanos) {
    long[] kept = Arrays.copyOfRange(nanos, nanos.length / 2, nanos.length);
    Arrays.sort(kept);
    return kept[kept.length / 2] / 1e3;
  }

  // ---------------------------------------------------------------- the floor

  private static void report(Map<String, List<Double>> samples, int rounds, int passes, Path out)
      throws IOException {
    ObjectNode root = SampleJson.root("handoff");
    root.put("rounds", rounds);
    root.put("passes_per_ring", passes);
    SampleJson.printAndPut(samples, root, 60);
    double perSchedule = median(samples, SCHEDULE_WORK);
    double perProcess = median(samples, TASK_WORK) + median(samples, BODY_WORK);
    ObjectNode floors = root.putObject("floors");
    System.out.println();
    System.out.println("the floor of a racy-counter schedule (one-way = half the futex round"
        + " trip with as many JVMs):");
    for (int[] row : new int[][] {{10, 1000}, {2, 3000}}) {
      int processes = row[0];
      double workUs = perSchedule + processes * perProcess;
      System.out.printf(Locale.ROOT, "  %-36s %7.0f us = at most %6.0f schedules/s"
          + " (goal %d)%n", processes + " processes, the work alone", workUs, 1e6 / workUs, row[1]);
      floors.putObject(processes + " processes, the work alone").put("floor_us", workUs)
          .put("max_schedules_per_s", 1e6 / workUs).put("goal_schedules_per_s", row[1]);
      double oneWay = median(samples, roundTrip("futex", processes)) / 2;
      for (int wakeups : new int[] {HARNESS_WAKEUPS, LEAST_WAKEUPS}) {
        double floorUs = processes * wakeups * oneWay + workUs;
        double maxRate = 1e6 / floorUs;
        String key = processes + " processes, " + wakeups + " wake-ups a process";
        System.out.printf(Locale.ROOT, "  %-36s %7.0f us = at most %6.0f schedules/s"
            + " (goal %d)%n", key, floorUs, maxRate, row[1]);
        ObjectNode f = floors.putObject(key);
        f.put("one_way_us", oneWay);
        f.put("floor_us", floorUs);
        f.put("max_schedules_per_s", maxRate);
        f.put("goal_schedules_per_s", row[1]);
      }
    }
    SampleJson.write(root, out);
  }

  private static double median(Map<String, List<Double>> samples, String key) {
    return new Metric(key, "", false, samples.get(key)).median();
  }

  private static void add(Map<String, List<Double>> samples, String key, double value) {
    samples.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }
}
