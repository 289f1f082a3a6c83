/**
 * Example 2, scripting a custom triage flow: {@link
 * org.crisiskit.examples.triage.CustomTriageExample} adds a VIP rule and outage paging on top of the
 * default playbook.
 */
package org.crisiskit.examples.triage;
