/**
 * The article's example programs, numbered like its sections, each a {@code main} that prints
 * what the article's Python prints.
 *
 * <p>Each class keeps the article's structure: a module-level function becomes a static method
 * passed as a {@link dev.interleave.mp.Target}, {@code if __name__ == '__main__'} becomes
 * {@code main}, {@code time.sleep} stays a real sleep.
 */
package dev.interleave.scenarios.article;
