/**
 * Example 1, embedding Crisis Kit in a helpdesk: {@link
 * org.crisiskit.examples.helpdesk.HelpdeskExample} keeps tickets in step with cases and resumes
 * after a restart.
 */
package org.crisiskit.examples.helpdesk;
