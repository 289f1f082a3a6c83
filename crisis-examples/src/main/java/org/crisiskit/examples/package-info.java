/**
 * Runnable examples of the three ways people use Crisis Kit; {@link
 * org.crisiskit.examples.PlaybookFlowExample} walks the playbook flow without the facade. The
 * sub-packages hold the helpdesk embedding, the custom triage flow, the webhook adapter and the demo.
 */
package org.crisiskit.examples;
