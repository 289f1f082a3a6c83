package org.crisiskit.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crisiskit.cases.CaseCommand;
import org.crisiskit.cases.CaseConfig;
import org.crisiskit.cases.CaseService;
import org.crisiskit.check.ApprovalQueue;
import org.crisiskit.check.CheckResult;
import org.crisiskit.check.MessageChecker;
import org.crisiskit.check.NetworkRules;
import org.crisiskit.check.OutgoingMessage;
import org.crisiskit.check.PendingMessage;
import org.crisiskit.classify.Classification;
import org.crisiskit.classify.Flag;
import org.crisiskit.classify.Intent;
import org.crisiskit.classify.Polarity;
import org.crisiskit.journal.Journal;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.playbook.Playbook;
import org.crisiskit.playbook.TriageDecision;
import org.crisiskit.playbook.TriageEngine;
import org.crisiskit.playbook.TriageInput;
import org.crisiskit.report.CareReport;
import org.crisiskit.report.ReportOptions;
import org.crisiskit.sla.SlaMonitor;
import org.crisiskit.sla.SlaPolicy;

/**
 * The playbook flow end to end on three hand-classified mentions: triage with the sample playbook,
 * message checks, the approval queue for an escalated case, SLA warnings, and the care report.
 * Run it with {@code java -cp crisis-examples/target/crisis-cli.jar org.crisiskit.examples.PlaybookFlowExample}.
 */
public final class PlaybookFlowExample {
  private PlaybookFlowExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the flow, printing what happens to {@code out}. */
  public static void run(PrintStream out) {
    Instant t0 = Instant.parse("2026-03-02T09:00:00Z");
    MutableClock clock = new MutableClock(t0);
    Journal journal = Journal.inMemory();
    Playbook playbook = Playbook.sample();
    CaseService cases = CaseService.newBuilder().journal(journal).clock(clock)
        .config(playbook.caseConfig(CaseConfig.ofDefaults())).build();
    SlaMonitor sla = SlaMonitor.create(cases, journal, playbook.slaPolicy(SlaPolicy.ofDefaults()), clock);
    sla.addListener(e -> out.println("  SLA " + e.type() + " " + e.kind().jsonName() + " of " + e.caseId()));
    TriageEngine engine = TriageEngine.create(playbook, cases, journal);
    MessageChecker checker = MessageChecker.forPlaybook(playbook, NetworkRules.x());
    ApprovalQueue approvals = ApprovalQueue.create(journal, checker, clock);

    List<TriageInput> inputs = List.of(
        input("1", "lucia", 120, "Mi pedido lleva 10 días sin llegar. ¡Vaya servicio!", "es", t0, Intent.COMPLAINT,
            Set.of("delivery"), Set.of(), 0),
        input("2", "newsdesk", 250_000, "Customers say your app charged them twice. Comment?", "en",
            t0.plusSeconds(60), Intent.COMPLAINT, Set.of("billing"), Set.of(Flag.MEDIA_EXPOSURE), 6),
        input("3", "pablo", 40, "¡Me encanta la nueva tienda!", "es", t0.plusSeconds(120), Intent.PRAISE,
            Set.of(), Set.of(), 0));
    for (TriageInput in : inputs) {
      clock.set(in.mention().createdAt());
      TriageDecision d = engine.triage(in);
      out.printf("@%s → %s, %s: %s%n", in.mention().author().handle(), d.department(), d.action().jsonName(), d.reason());
      if (d.draft().isEmpty()) {
        continue;
      }
      OutgoingMessage m = OutgoingMessage.reply(d.draft().get(), in);
      CheckResult r = checker.check(m);
      out.println("  draft: " + m.text());
      out.println("  checks: " + (r.findings().isEmpty() ? "clean" : r.findings()));
      clock.set(in.mention().createdAt().plus(Duration.ofMinutes(12))); // the agent reads, checks and sends
      if (d.approvalRequired()) {
        PendingMessage p = approvals.submit(d.caseId(), m, "agent:marta");
        out.println("  waits for approval as " + p.id());
        approvals.approve(p.id(), "manager:jorge", Optional.empty());
        out.println("  approved by manager:jorge");
      }
      if (d.action() == org.crisiskit.playbook.NextAction.THANK) {
        cases.apply(CaseCommand.thank(d.caseId(), "agent:marta"));
      } else if (r.passes()) {
        cases.tryApply(CaseCommand.acknowledge(d.caseId(), "agent:marta")); // sent: NEW or ESCALATED → ACKNOWLEDGED
      }
    }
    String lint = "Como ya te dijimos, es culpa tuya. Escribe a lucia@correo.es";
    out.println("lint: " + checker.check(OutgoingMessage.newBuilder(lint).customerLang("es").build()).blocking().size()
        + " blocking findings in \"" + lint + "\"");
    clock.set(t0.plus(Duration.ofHours(7)));
    sla.tick();
    out.print(CareReport.fromJournal(journal, ReportOptions.between(t0.minus(Duration.ofDays(1)), clock.instant()))
        .toText());
  }

  private static TriageInput input(String id, String handle, long followers, String text, String lang, Instant at,
      Intent intent, Set<String> topics, Set<Flag> flags, int crisis) {
    Mention m = Mention.newBuilder().network("x").id(id)
        .author(Author.newBuilder().id("u" + id).handle(handle).displayName(handle).followers(followers).build())
        .text(text).language(lang).createdAt(at).addressing(Addressing.MENTION).build();
    Polarity p = intent == Intent.PRAISE ? Polarity.POSITIVE : Polarity.NEGATIVE;
    Classification c = new Classification(intent, p, p == Polarity.POSITIVE ? 0.8 : -0.6, false, false, topics, flags,
        lang, List.of("hand-classified"));
    return new TriageInput(m, c, crisis);
  }

  /** A clock the example moves by hand. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant t) {
      now = t;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
