/**
 * Crisis Kit: listen to every mention of a brand, analyse it, detect crises and answer them through a
 * case workflow.
 *
 * <p>Entry points: {@link org.crisiskit.cases.CaseService} for the case workflow over a
 * {@link org.crisiskit.journal.Journal}, and {@link org.crisiskit.mention.Mention} for the input.
 */
package org.crisiskit;
