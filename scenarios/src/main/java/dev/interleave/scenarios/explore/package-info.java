/**
 * The article's examples as harness scenarios, numbered like the article: each class declares
 * its invariants and its expected verdict next to the code, and {@link
 * dev.interleave.scenarios.explore.ScenarioCatalog} lists them for the {@code interleave}
 * command line and the tests.
 */
package dev.interleave.scenarios.explore;
