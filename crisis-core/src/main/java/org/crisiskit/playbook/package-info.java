/**
 * Playbooks: the crisis manual as data (templates, facts, never-answer topics, routes, escalations,
 * thank-you and follow-up policy) and the triage engine that applies it to classified mentions.
 * Entry points: {@link org.crisiskit.playbook.Playbook}, {@link org.crisiskit.playbook.PlaybookJson}
 * and {@link org.crisiskit.playbook.TriageEngine}.
 */
package org.crisiskit.playbook;
