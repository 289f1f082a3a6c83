/**
 * JMH benchmarks of the crisis detector's package-private engine (hence the package). Run with
 * {@code java -jar benchmarks/target/benchmarks.jar DetectorBenchmark}.
 */
package org.crisiskit.detect;
