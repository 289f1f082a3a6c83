package org.crisiskit.examples.helpdesk;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisiskit.cases.CaseEvent;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseQuery;
import org.crisiskit.cases.CaseState;
import org.crisiskit.cases.CrisisCase;
import org.crisiskit.cases.PrivateChannel;
import org.crisiskit.classify.Intent;
import org.crisiskit.desk.ActionResult;
import org.crisiskit.desk.CrisisDesk;
import org.crisiskit.desk.DeskListener;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.spi.FakeNetwork;
import org.crisiskit.spi.Listening;

/**
 * Example 1, embedding Crisis Kit in a helpdesk: a {@link DeskListener} keeps the helpdesk's own
 * tickets in step with the cases, agent buttons call the desk's actions, and a restart resumes where
 * it stopped — no mention lost, none ingested twice.
 *
 * <p>Run it with {@code java -cp crisis-examples/target/crisis-cli.jar
 * org.crisiskit.examples.helpdesk.HelpdeskExample}.
 */
public final class HelpdeskExample {
  private HelpdeskExample() {}

  /** One ticket of the helpdesk's own store. */
  public record Ticket(String id, String caseId, String subject, String status, List<String> log) {}

  /** The helpdesk's ticket database (a map here). Thread-safe. */
  public static final class TicketStore {
    private final Map<String, Ticket> byCase = new LinkedHashMap<>();

    synchronized void upsert(CrisisCase c, String line) {
      Ticket old = byCase.get(c.id().value());
      List<String> log = new ArrayList<>(old == null ? List.of() : old.log());
      log.add(line);
      String id = old == null ? "T-" + (byCase.size() + 1) : old.id();
      byCase.put(c.id().value(), new Ticket(id, c.id().value(),
          c.intent().jsonName() + " from @" + c.authorHandle(), c.state().name(), List.copyOf(log)));
    }

    /** Every ticket, in creation order. */
    public synchronized List<Ticket> tickets() {
      return List.copyOf(byCase.values());
    }

    /** The ticket of a case. */
    public synchronized Optional<Ticket> forCase(CaseId id) {
      return Optional.ofNullable(byCase.get(id.value()));
    }
  }

  /** Turns desk notifications into ticket updates. Runs on the desk's threads, so it stays quick. */
  static final class TicketSync implements DeskListener {
    private final TicketStore store;

    TicketSync(TicketStore store) {
      this.store = store;
    }

    @Override
    public void onCaseEvent(CaseEvent event, CrisisCase after) {
      store.upsert(after, event.type().jsonName() + " by " + event.actor());
    }

    @Override
    public void onManualTask(CrisisCase c, String task) {
      store.upsert(c, "manual task: " + task);
    }
  }

  /** What the agent's buttons in the helpdesk UI call. */
  static final class AgentConsole {
    private final CrisisDesk desk;
    private final String agent;

    AgentConsole(CrisisDesk desk, String agent) {
      this.desk = desk;
      this.agent = agent;
    }

    /** Answers every new case the way the playbook's basics say. */
    List<ActionResult> workTheQueue() {
      List<ActionResult> results = new ArrayList<>();
      for (CrisisCase c : desk.cases().cases(CaseQuery.newBuilder().state(CaseState.NEW).build())) {
        if (c.intent() == Intent.PRAISE) {
          results.add(desk.thank(c.id(), agent, "Thank you, @" + c.authorHandle() + "! We'll pass it on to the team."));
        } else if (c.intent() == Intent.ABUSE) {
          results.add(desk.doNotEngage(c.id(), agent, "insults, no question to answer"));
        } else if (c.intent().wantsAnswer()) {
          ActionResult r = desk.acknowledge(c.id(), agent,
              "Hi @" + c.authorHandle() + ", sorry about this. We're looking into it and will write to you by DM.");
          results.add(r);
          if (r.done() && r.caseAfter().state() == CaseState.ACKNOWLEDGED) {
            results.add(desk.movePrivate(c.id(), agent, PrivateChannel.DIRECT_MESSAGE,
                "Hi, could you send us your order number so we can check it?"));
          }
        } else {
          results.add(desk.close(c.id(), agent, "nothing to act on"));
        }
      }
      return results;
    }
  }

  /** What one run saw. */
  public record Outcome(List<Ticket> tickets, int casesAfterRestart, long deliveredAfterRestart) {}

  /**
   * Runs the example in {@code dir}: first start, agent work, restart, more mentions.
   */
  public static Outcome run(Path dir, PrintStream out) throws Exception {
    FakeNetwork network = FakeNetwork.create();
    TicketStore tickets = new TicketStore();
    Instant t0 = Instant.parse("2026-11-02T09:00:00Z");
    network.publish(
        mention("1", "ana_g", "@acme my order #A-1234 still hasn't arrived, 10 days waiting", t0, Addressing.MENTION),
        mention("2", "leo", "@acme love the new app, checkout is so fast now!", t0.plusSeconds(60), Addressing.MENTION),
        mention("3", "marta", "¿Cómo puedo cambiar la dirección de envío de mi pedido? @acme", t0.plusSeconds(120), Addressing.MENTION),
        mention("4", "troll99", "@acme you are all idiots", t0.plusSeconds(180), Addressing.MENTION));
    network.acceptPrivateMessages("u-ana_g", true);

    try (CrisisDesk desk = CrisisDesk.newBuilder().journalDirectory(dir).adapter(network)
        .listener(new TicketSync(tickets)).build()) {
      desk.start();
      await(desk.listening("x").orElseThrow(), 4);
      List<ActionResult> results = new AgentConsole(desk, "agent:sam").workTheQueue();
      results.forEach(r -> out.println("  " + r.status() + " " + r.caseAfter().id() + " → " + r.caseAfter().state()
          + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")")));
    }
    out.println("desk stopped; restarting from " + dir);

    network.publish(mention("5", "ana_g", "@acme DM sent, thanks", t0.plus(Duration.ofMinutes(30)), Addressing.MENTION));
    int cases;
    long delivered;
    try (CrisisDesk desk = CrisisDesk.newBuilder().journalDirectory(dir).adapter(network)
        .listener(new TicketSync(tickets)).build()) {
      desk.start();
      Listening l = desk.listening("x").orElseThrow();
      await(l, 1);
      Thread.sleep(100);
      delivered = l.delivered();
      cases = desk.cases().allCases().size();
    }
    for (Ticket t : tickets.tickets()) {
      out.println(t.id() + " [" + t.status() + "] " + t.subject() + " " + t.log());
    }
    return new Outcome(tickets.tickets(), cases, delivered);
  }

  private static void await(Listening l, long n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (l.delivered() < n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  static Mention mention(String id, String handle, String text, Instant at, Addressing addressing) {
    return Mention.newBuilder().network("x").id(id).conversationId(id)
        .author(Author.newBuilder().id("u-" + handle).handle(handle).followers(350).build())
        .text(text).createdAt(at).addressing(addressing).build();
  }

  /** Runs the example in a temporary directory. */
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("crisis-helpdesk");
    run(dir, System.out);
  }
}
