package org.crisiskit.desk;

import org.crisiskit.cases.CaseEvent;
import org.crisiskit.cases.CrisisCase;
import org.crisiskit.check.PendingMessage;

/**
 * Receives what a {@link CrisisDesk} wants a person or a helpdesk to know. Every method has a no-op
 * default, so implement only what you need.
 *
 * <p>Threading: methods are called on the thread that caused the notification — an adapter's
 * listening thread for new mentions, incidents and SLA notices raised while ingesting, the caller's
 * thread for agent actions, the thread calling {@link CrisisDesk#checkHealth()} for health notices.
 * Calls for one case arrive in order. Return quickly; hand long work to your own executor.
 * {@link #onCaseEvent} and {@link #onSla} may run while a case is locked: do not call the desk's
 * actions from them (queue the work). {@link #onApprovalNeeded} and {@link #onManualTask} run inside
 * the agent action that raised them, while other actions on that case wait: they may act on that
 * case on the same thread, but acting on another case, or waiting for another thread that acts on
 * this one, can deadlock (queue the work). {@link #onMention} runs after the mention was handled and
 * may call them, and queries ({@code cases()}, {@code currentIncident()}) are safe everywhere. An
 * exception thrown here is logged and does not undo anything.
 */
public interface DeskListener {
  /** A listener that does nothing. */
  DeskListener NONE = new DeskListener() {};

  /**
   * A mention went through the pipeline: its classification, the playbook's proposal (with a draft
   * when something is to be sent) and its case. Helpdesks show the proposal to agents.
   */
  default void onMention(IngestResult result) {}

  /** A case was opened or changed; {@code after} includes {@code event}. */
  default void onCaseEvent(CaseEvent event, CrisisCase after) {}

  /** A message waits for approval before it may be sent. */
  default void onApprovalNeeded(PendingMessage message) {}

  /** An action could not be done through the network and needs a person (for example a phone call). */
  default void onManualTask(CrisisCase c, String task) {}

  /** An incident was raised or changed state or severity. */
  default void onIncident(DeskNotice notice) {}

  /** An SLA deadline is near or was missed. */
  default void onSla(DeskNotice notice) {}

  /** An adapter looks unhealthy (for example silent for much longer than usual) or recovered. */
  default void onAdapterHealth(DeskNotice notice) {}
}
