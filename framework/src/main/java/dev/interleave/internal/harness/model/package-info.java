/**
 * Internal: the records of a schedule that the controller, the settings and the reports share:
 * its steps and trace, what made it fail ({@link dev.interleave.internal.harness.model.Problem}),
 * step fingerprints and the replay token.
 *
 * <p>Nothing here is public API; it may change without notice. It depends on no other harness
 * package.
 */
package dev.interleave.internal.harness.model;
