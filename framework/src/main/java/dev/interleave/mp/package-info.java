/**
 * Python's {@code multiprocessing} for Java, over real operating-system processes.
 *
 * <p>A {@link dev.interleave.mp.Process} runs its target in a child JVM started with the same
 * {@code java} and class path; the target and its arguments travel serialized, so a child works on
 * copies and shares nothing with its parent unless it is given a shared object (a lock, an event,
 * a queue, a pipe end). Names follow CPython's where Java allows ({@code start}, {@code join},
 * {@code isAlive}, {@code terminate}), and JDK idioms where it does not ({@code Duration}
 * timeouts, {@code OptionalInt} exit codes, {@code *Exception} for Python's {@code *Error}).
 */
package dev.interleave.mp;
