/**
 * Benchmarks run side by side with CPython's {@code multiprocessing} (the workloads of the
 * project's baseline script), alternating the two sides and reporting medians and ratios.
 */
package dev.interleave.scenarios.bench;
