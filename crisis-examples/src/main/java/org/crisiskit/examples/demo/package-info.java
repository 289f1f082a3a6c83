/**
 * The reference example behind {@code ./crisis demo}: {@link org.crisiskit.examples.demo.CrisisDemo}
 * replays simulated weeks through the whole pipeline and writes a self-contained HTML report.
 */
package org.crisiskit.examples.demo;
