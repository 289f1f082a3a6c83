/**
 * The journal: the append-only log of every accepted mention and every case event, from which cases
 * are rebuilt. Entry points: {@link org.crisiskit.journal.Journal} and {@link
 * org.crisiskit.journal.FileJournal}.
 */
package org.crisiskit.journal;
