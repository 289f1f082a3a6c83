/**
 * Checks of outgoing messages before they are sent (length, placeholders, language, tone, blame and
 * promises, personal data, acknowledgement, links, characters) and the approval queue. Entry points:
 * {@link org.crisiskit.check.MessageChecker} and {@link org.crisiskit.check.ApprovalQueue}; a network
 * supplies its counting through {@link org.crisiskit.check.NetworkRules}.
 */
package org.crisiskit.check;
