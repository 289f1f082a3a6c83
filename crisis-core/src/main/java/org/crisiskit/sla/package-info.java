/**
 * Service levels: response-time policies per intent and severity, business hours, SLA clocks
 * computed from case events, and the monitor that journals warnings and breaches. Entry points:
 * {@link org.crisiskit.sla.SlaPolicy} and {@link org.crisiskit.sla.SlaMonitor}.
 */
package org.crisiskit.sla;
