/**
 * The facade that runs the whole flow — listen, classify, detect, triage, respond, learn — over a
 * durable journal. Entry point: {@link org.crisiskit.desk.CrisisDesk}.
 */
package org.crisiskit.desk;
