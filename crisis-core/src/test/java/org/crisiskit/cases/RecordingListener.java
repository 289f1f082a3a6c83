package org.crisiskit.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Records every event it receives, in arrival order overall and per case. Thread-safe. */
final class RecordingListener implements CaseListener {
  private final List<CaseEvent> all = new ArrayList<>();
  private final Map<CaseId, List<CaseEvent>> byCase = new ConcurrentHashMap<>();

  @Override
  public synchronized void onEvent(CaseEvent event, CrisisCase after) {
    if (!after.history().get(after.history().size() - 1).equals(event)) {
      throw new AssertionError("listener got " + event + " but the case's newest event differs");
    }
    all.add(event);
    byCase.computeIfAbsent(event.caseId(), k -> new ArrayList<>()).add(event);
  }

  synchronized List<CaseEvent> events() {
    return List.copyOf(all);
  }

  synchronized List<CaseEvent> events(CaseId id) {
    return List.copyOf(byCase.getOrDefault(id, List.of()));
  }
}
