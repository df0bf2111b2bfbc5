package dev.interleave.internal.schedule;

/**
 * A process that may run next, with the operation it is about to perform.
 *
 * @param process the process number (0 is the scenario's main)
 * @param op the operation name
 * @param object the object operated on, or null
 * @param label the point's label, or null
 */
public record Candidate(int process, String op, String object, String label) {}
