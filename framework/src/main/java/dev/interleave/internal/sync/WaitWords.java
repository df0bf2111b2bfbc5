package dev.interleave.internal.sync;

/**
 * The two words of a waitable condition (see {@link Blocking}).
 *
 * @param seqAt offset of the futex word
 * @param waitersAt offset of the count of parked threads
 * @param passOn whether a waiter that gives up passes a possible wake-up on by bumping {@code
 *     seq} (false when {@code seq} is itself the state, as for an event, whose signal wakes all)
 */
record WaitWords(int seqAt, int waitersAt, boolean passOn) {}
