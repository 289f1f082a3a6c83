package org.crisiskit.examples.triage;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crisiskit.cases.CaseId;
import org.crisiskit.classify.Topics;
import org.crisiskit.desk.CrisisDesk;
import org.crisiskit.desk.DeskListener;
import org.crisiskit.desk.IngestResult;
import org.crisiskit.journal.Journal;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.playbook.EscalationRule;
import org.crisiskit.playbook.Playbook;
import org.crisiskit.playbook.When;
import org.crisiskit.spi.FakeNetwork;

/**
 * Example 2, scripting a custom triage flow on top of the default playbook: VIP customers (verified
 * or 50,000+ followers) skip the queue and go to a named lead, and an outage mention pages the
 * on-call engineer — one playbook rule plus a few lines of listener code.
 *
 * <p>Run it with {@code java -cp crisis-examples/target/crisis-cli.jar
 * org.crisiskit.examples.triage.CustomTriageExample}.
 */
public final class CustomTriageExample {
  private CustomTriageExample() {}

  /** Where pages go: a pager service in production, a list here. */
  public interface Pager {
    void page(String who, String message);
  }

  /** The agents' work queue: VIP cases go to the front. */
  public static final class WorkQueue {
    private final List<CaseId> queue = new ArrayList<>();

    synchronized void add(CaseId id, boolean vip) {
      if (queue.contains(id)) {
        return;
      }
      if (vip) {
        queue.add(0, id);
      } else {
        queue.add(id);
      }
    }

    /** The queue, first to be worked first. */
    public synchronized List<CaseId> snapshot() {
      return List.copyOf(queue);
    }
  }

  /** The custom rules, applied to every mention after the playbook's own triage. */
  static final class CustomRules implements DeskListener {
    private final CrisisDesk[] desk;
    private final WorkQueue queue;
    private final Pager pager;

    CustomRules(CrisisDesk[] desk, WorkQueue queue, Pager pager) {
      this.desk = desk;
      this.queue = queue;
      this.pager = pager;
    }

    static boolean vip(Author a) {
      return a.verified() || a.followers() >= 50_000;
    }

    @Override
    public void onMention(IngestResult r) {
      CaseId id = r.triage().caseId();
      boolean vip = vip(r.mention().author());
      if (vip) {
        desk[0].assign(id, "rule:vip", Optional.of("vip_desk"), Optional.of("lead:marta"));
      }
      if (r.triage().action().sends() || vip) {
        queue.add(id, vip);
      }
      if (r.classification().topics().contains(Topics.OUTAGE)) {
        pager.page("oncall:engineering", String.format(Locale.ROOT, "possible outage reported by @%s: %s",
            r.caseAfter().authorHandle(), r.classification().reasons()));
      }
    }
  }

  /** What one run produced. */
  public record Outcome(List<CaseId> queue, List<String> pages, List<String> departments) {}

  /** Runs the example on four mentions and returns the queue, the pages and each case's department. */
  public static Outcome run(PrintStream out) throws Exception {
    // 1. the default playbook plus one rule: outages are escalated to engineering, no approval needed
    Playbook playbook = Playbook.sample().toBuilder()
        .escalation(new EscalationRule(When.any().topic(Topics.OUTAGE), "engineering", false,
            "outage reports go to the on-call engineer"))
        .build();

    List<String> pages = new CopyOnWriteArrayList<>();
    WorkQueue queue = new WorkQueue();
    CrisisDesk[] holder = new CrisisDesk[1];
    FakeNetwork network = FakeNetwork.create();
    try (Journal journal = Journal.inMemory();
        CrisisDesk desk = CrisisDesk.newBuilder().journal(journal).playbook(playbook).adapter(network)
            .listener(new CustomRules(holder, queue, (who, msg) -> pages.add(who + ": " + msg)))
            .build()) {
      holder[0] = desk;
      Instant t = Instant.parse("2026-11-02T09:00:00Z");
      List<IngestResult> results = new ArrayList<>();
      results.add(desk.ingest(mention("1", "pablo", 120, false, "@acme mi pedido no ha llegado y nadie me responde", t)));
      results.add(desk.ingest(mention("2", "dana_tech", 180_000, true,
          "@acme still no refund after 3 weeks. please help", t.plusSeconds(30))));
      results.add(desk.ingest(mention("3", "joe", 90, false,
          "@acme the app is down, can't log in, is there an outage?", t.plusSeconds(60))));
      results.add(desk.ingest(mention("4", "lucia", 300, false, "@acme ¡me encanta el nuevo modelo!", t.plusSeconds(90))));
      List<String> departments = new ArrayList<>();
      for (IngestResult r : results) {
        String dept = desk.cases().find(r.triage().caseId()).flatMap(c -> c.department()).orElse("?");
        departments.add(dept);
        out.printf(Locale.ROOT, "%-24s %-10s → %-12s %s%n", r.triage().caseId(), r.classification().intent().jsonName(),
            dept, r.triage().action().jsonName());
      }
      out.println("queue: " + queue.snapshot());
      pages.forEach(p -> out.println("paged " + p));
      return new Outcome(queue.snapshot(), List.copyOf(pages), departments);
    }
  }

  static Mention mention(String id, String handle, long followers, boolean verified, String text, Instant at) {
    return Mention.newBuilder().network("x").id(id)
        .author(Author.newBuilder().id("u-" + handle).handle(handle).followers(followers).verified(verified).build())
        .text(text).createdAt(at).addressing(Addressing.MENTION).build();
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }
}
