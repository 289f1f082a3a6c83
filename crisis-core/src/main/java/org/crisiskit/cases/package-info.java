/**
 * Cases and the response workflow: NEW → ACKNOWLEDGED → PRIVATE → RESOLVED → OUTCOME_PUBLISHED →
 * FOLLOWED_UP → CLOSED, with side paths. Entry point: {@link org.crisiskit.cases.CaseService}; the
 * transition table is {@link org.crisiskit.cases.Workflow}.
 */
package org.crisiskit.cases;
