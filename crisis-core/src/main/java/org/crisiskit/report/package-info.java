/**
 * Reports computed from a journal: first-response percentiles, coverage against SLA targets,
 * backlog, cases per department and each department's learning report. Entry point:
 * {@link org.crisiskit.report.CareReport}.
 */
package org.crisiskit.report;
