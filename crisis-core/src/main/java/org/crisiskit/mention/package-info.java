/**
 * Mentions of the brand as received from any network. Entry point: {@link
 * org.crisiskit.mention.Mention}; its JSON form is {@link org.crisiskit.mention.MentionJson}.
 */
package org.crisiskit.mention;
