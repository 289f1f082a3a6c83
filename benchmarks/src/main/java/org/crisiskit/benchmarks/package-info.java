/**
 * JMH benchmarks of Crisis Kit. Not published; run by hand from the shaded jar, for example
 * {@code java -jar benchmarks/target/benchmarks.jar JournalBenchmark}. Entry point:
 * {@link org.crisiskit.benchmarks.JournalBenchmark}.
 */
package org.crisiskit.benchmarks;
