package org.crisiskit.cases;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.crisiskit.classify.Intent;
import org.crisiskit.mention.MentionFixtures;

/** Random scripts of what a helpdesk does: customers write, agents act. For properties. */
final class Steps {
  private Steps() {}

  /** One thing that happens; {@code target} picks a case or an author modulo what exists. */
  interface Step {}

  /** A customer writes: author {@code author} in conversation {@code conversation}, {@code minutes} later. */
  record Write(int author, int conversation, long minutes, Intent intent, Set<String> topics) implements Step {}

  /** An agent applies {@code action} to the {@code target}-th case. */
  record Act(int target, CaseAction action, String note, Optional<PrivateChannel> channel, Optional<String> department)
      implements Step {
    CaseCommand command(CaseId id) {
      return new CaseCommand(id, action, "agent", note, channel, department);
    }
  }

  /** Bookkeeping on the {@code target}-th case: assign, reassess or set a deadline. */
  record Keep(int target, int kind, String value) implements Step {}

  static Arbitrary<Step> writes(int authors) {
    return Combinators.combine(
            Arbitraries.integers().between(0, authors - 1),
            Arbitraries.integers().between(0, 3),
            Arbitraries.longs().between(0, 3 * 24 * 60),
            Arbitraries.of(Intent.class),
            Arbitraries.subsetOf("delivery", "billing", "app"))
        .as(Write::new);
  }

  static Arbitrary<Step> acts() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 50),
            Arbitraries.of(CaseAction.class),
            Arbitraries.of("", " ", "refund sent", "troll, insults", "línea\n\"dos\""),
            Arbitraries.of(PrivateChannel.class).optional(),
            Arbitraries.of("logistics", "legal").optional())
        .as(Act::new);
  }

  static Arbitrary<Step> keeps() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 50),
            Arbitraries.integers().between(0, 2),
            Arbitraries.of("ana", "billing", "x"))
        .as(Keep::new);
  }

  static Arbitrary<List<Step>> scripts(int authors, int maxSteps) {
    return scripts(authors, 1, maxSteps);
  }

  static Arbitrary<List<Step>> scripts(int authors, int minSteps, int maxSteps) {
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, writes(authors)),
            net.jqwik.api.Tuple.of(6, acts()),
            net.jqwik.api.Tuple.of(1, keeps()))
        .list()
        .ofMinSize(minSteps)
        .ofMaxSize(maxSteps);
  }

  /** Runs one step against {@code s}; returns the refusal or application of an act, else empty. */
  static Optional<TransitionResult> run(CaseService s, Step step, int[] mentionCounter) {
    if (step instanceof Write) {
      Write w = (Write) step;
      int n = ++mentionCounter[0];
      s.accept(MentionFixtures.mention("m" + n, "a" + w.author(), "a" + w.author() + "c" + w.conversation(),
              w.minutes()),
          new Assessment(w.intent(), Severity.NORMAL, w.intent() == Intent.COMPLAINT, w.topics()));
      return Optional.empty();
    }
    List<CrisisCase> all = s.allCases();
    if (all.isEmpty()) {
      return Optional.empty();
    }
    if (step instanceof Act) {
      Act a = (Act) step;
      CrisisCase c = all.get(a.target() % all.size());
      CaseAction action = a.action();
      List<CaseAction> allowed = new java.util.ArrayList<>(Workflow.allowedActions(c.state()));
      if (a.target() % 3 != 0 && !allowed.isEmpty()) {
        action = allowed.get((a.note().length() + a.target()) % allowed.size()); // mostly legal, so cases move on
      }
      return Optional.of(s.tryApply(new CaseCommand(c.id(), action, "agent", a.note(), a.channel(), a.department())));
    }
    Keep k = (Keep) step;
    CaseId id = all.get(k.target() % all.size()).id();
    switch (k.kind()) {
      case 0:
        s.assign(id, "lead", Optional.of(k.value()), Optional.of("agent-" + k.value()));
        break;
      case 1:
        s.reassess(id, "lead", new Assessment(Intent.COMPLAINT, Severity.HIGH, true, Set.of(k.value())));
        break;
      default:
        s.setDeadline(id, "lead", "resolution",
            k.value().equals("x") ? Optional.empty() : Optional.of(MentionFixtures.T0.plus(Duration.ofDays(2))));
        break;
    }
    return Optional.empty();
  }
}
