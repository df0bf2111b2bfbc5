/**
 * The harness's test API: {@link dev.interleave.harness.InterleaveTest} runs a scenario built on
 * {@code dev.interleave.mp} under controlled interleavings of its processes, checks invariants,
 * finds deadlocks and hangs, shrinks failing schedules and replays them from a seed.
 *
 * <pre>{@code
 * @InterleaveTest(schedules = 200, expect = Expect.VIOLATION, invariant = "counter == 0")
 * void counterLosesUpdates(Scenario s) {
 *   s.body(run -> {
 *     Path file = Files.writeString(run.tempDir().resolve("num.txt"), "2");
 *     Process a = new Process(Counter::decrement, file), b = new Process(Counter::decrement, file);
 *     a.start(); b.start(); a.join(); b.join();
 *     run.finalInvariant("counter == 0", () -> Counter.read(file) == 0);
 *   });
 * }
 * }</pre>
 */
package dev.interleave.harness;
