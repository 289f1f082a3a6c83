/**
 * Evaluation of the detector on labelled data: the NAB scorer ({@link org.crisiskit.eval.NabScorer}) and
 * its runner ({@link org.crisiskit.eval.NabEvaluation}). Part of the examples module, not published.
 */
package org.crisiskit.eval;
