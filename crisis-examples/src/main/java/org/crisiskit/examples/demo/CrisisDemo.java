package org.crisiskit.examples.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crisiskit.cases.CaseCommand;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseState;
import org.crisiskit.cases.CrisisCase;
import org.crisiskit.cases.PrivateChannel;
import org.crisiskit.classify.Intent;
import org.crisiskit.desk.ActionResult;
import org.crisiskit.desk.CrisisDesk;
import org.crisiskit.desk.DeskListener;
import org.crisiskit.desk.DeskNotice;
import org.crisiskit.desk.IngestResult;
import org.crisiskit.detect.Incident;
import org.crisiskit.journal.FileJournal;
import org.crisiskit.journal.FsyncPolicy;
import org.crisiskit.mention.Mention;
import org.crisiskit.playbook.NextAction;
import org.crisiskit.report.CareReport;
import org.crisiskit.report.ReportOptions;
import org.crisiskit.simulate.InjectedEvent;
import org.crisiskit.simulate.MentionSimulator;
import org.crisiskit.simulate.SimulatedMention;
import org.crisiskit.simulate.Simulation;
import org.crisiskit.simulate.SimulationConfig;
import org.crisiskit.spi.FakeNetwork;
import org.crisiskit.spi.Listening;

/**
 * The reference example and the {@code ./crisis demo} main job: three simulated weeks of bilingual
 * mentions for a fictitious brand, replayed through the real pipeline ({@link CrisisDesk} on a
 * {@link FakeNetwork}) while a simulated team of agents follows the playbook's proposals with
 * realistic delays, then a timeline of incidents, cases, SLA compliance, the learning report and a
 * self-contained HTML report. Uses only public API. Deterministic for a given seed.
 */
public final class CrisisDemo {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Duration STEP = Duration.ofMinutes(5);
  private static final String BRAND = "Acme";

  /** Options of one run. */
  public record Options(long seed, int weeks, Path outDirectory, boolean progress) {}

  /** What the run measured. */
  public record Result(int mentions, int cases, List<DemoReportData.IncidentRow> incidents,
      Map<CaseState, Long> casesByState, double firstResponseWithinHour, double complaintsAnswered,
      double questionsAnswered, int crisesInjected, int crisesDetected, Path htmlReport) {}

  private final Options options;
  private final PrintStream out;
  private final PrintStream err;

  /** A demo writing to {@code out} (results) and {@code err} (progress). */
  public CrisisDemo(Options options, PrintStream out, PrintStream err) {
    this.options = options;
    this.out = out;
    this.err = err;
  }

  /** One scheduled agent task. */
  private record Task(Instant at, long seq, Runnable run) {}

  /** Runs the demo and returns its figures. */
  public Result run() throws IOException {
    long started = System.nanoTime();
    Simulation sim = MentionSimulator.create(SimulationConfig.custom()
        .seed(options.seed()).weeks(options.weeks()).brand(BRAND).build()).run();
    List<Mention> mentions = sim.mentions().stream().map(SimulatedMention::mention)
        .sorted(Comparator.comparing(Mention::createdAt).thenComparing(m -> m.id().value()))
        .collect(Collectors.toList());
    Instant from = sim.config().start();
    Instant to = from.plus(Duration.ofDays(7L * options.weeks()));

    Path dir = options.outDirectory();
    deleteRecursively(dir.resolve("journal"));
    Files.createDirectories(dir);
    MutableClock clock = new MutableClock(from);
    FakeNetwork network = FakeNetwork.create();
    SplittableRandom rnd = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
    for (Mention m : mentions) {
      // about two customers in three accept direct messages from the brand
      if (Math.floorMod(m.author().id().hashCode(), 3) != 0) {
        network.acceptPrivateMessages(m.author().id(), true);
      }
    }

    ConcurrentLinkedQueue<IngestResult> ingested = new ConcurrentLinkedQueue<>();
    Map<String, DemoReportData.IncidentRow> incidentRows = new LinkedHashMap<>();
    List<String> slaBreaches = new ArrayList<>();
    DeskListener listener = new DeskListener() {
      @Override
      public void onMention(IngestResult result) {
        ingested.add(result);
      }

      @Override
      public void onIncident(DeskNotice n) {
        synchronized (incidentRows) {
          DemoReportData.IncidentRow old = incidentRows.get(n.subject());
          String state = n.data().get("state");
          String peak = old == null || rank(state) > rank(old.peakState()) ? state : old.peakState();
          int sev = Math.max(old == null ? 0 : old.severity(), Integer.parseInt(n.data().get("severity")));
          Instant start = old == null ? Instant.parse(n.data().get("openedAt")) : old.start();
          String sentence = old == null || rank(state) >= rank(old.peakState()) ? n.message() : old.sentence();
          incidentRows.put(n.subject(), new DemoReportData.IncidentRow(n.subject(), start, n.at(), peak, sev, sentence));
        }
      }

      @Override
      public void onSla(DeskNotice n) {
        if (n.kind().endsWith("breach")) {
          slaBreaches.add(n.subject());
        }
      }
    };

    int total = mentions.size();
    PriorityQueue<Task> tasks = new PriorityQueue<>(Comparator.comparing(Task::at).thenComparingLong(Task::seq));
    long[] seq = {0};
    int hours = (int) Duration.between(from, to).toHours();
    double[] volume = new double[hours];
    double[] negatives = new double[hours];
    List<Instant> days = new ArrayList<>();
    Map<CaseState, double[]> statesOverTime = new EnumMap<>(CaseState.class);
    int totalDays = (int) Duration.between(from, to).toDays();
    for (CaseState s : CaseState.values()) {
      statesOverTime.put(s, new double[totalDays]);
    }

    try (FileJournal journal = FileJournal.open(dir.resolve("journal"), FsyncPolicy.grouped(Duration.ofMillis(200)));
        CrisisDesk desk = CrisisDesk.newBuilder()
            .journal(journal)
            .clock(clock)
            .brand(BRAND)
            .adapter(network)
            .listener(listener)
            .build()) {
      desk.start();
      Listening listening = desk.listening(network.network()).orElseThrow();
      Agents agents = new Agents(desk, rnd, (at, r) -> tasks.add(new Task(at, seq[0]++, r)));
      int next = 0;
      int published = 0;
      int lastPercent = -1;
      for (Instant t = from; t.isBefore(to); t = t.plus(STEP)) {
        Instant stepEnd = t.plus(STEP);
        List<Mention> batch = new ArrayList<>();
        while (next < total && mentions.get(next).createdAt().isBefore(stepEnd)) {
          batch.add(mentions.get(next++));
        }
        clock.set(stepEnd);
        if (!batch.isEmpty()) {
          network.publish(batch.toArray(Mention[]::new));
          published += batch.size();
          while (listening.delivered() < published) {
            if (!listening.isRunning()) {
              throw new IllegalStateException("listening stopped: " + listening.failure());
            }
            LockSupport.parkNanos(20_000);
          }
        }
        IngestResult r;
        while ((r = ingested.poll()) != null) {
          int h = (int) Duration.between(from, r.mention().createdAt()).toHours();
          if (h >= 0 && h < hours) {
            volume[h]++;
            if (r.classification().negative()) {
              negatives[h]++;
            }
          }
          agents.onMention(r, stepEnd);
        }
        while (!tasks.isEmpty() && !tasks.peek().at().isAfter(stepEnd)) {
          tasks.poll().run().run();
        }
        desk.tick();
        if (Duration.between(from, stepEnd).toSeconds() % 86_400 == 0) {
          int day = (int) Duration.between(from, stepEnd).toDays() - 1;
          if (day >= 0 && day < totalDays) {
            days.add(stepEnd);
            desk.cases().countByState().forEach((s, n) -> statesOverTime.get(s)[day] = n);
          }
        }
        int percent = (int) (100 * Duration.between(from, stepEnd).toMinutes() / Duration.between(from, to).toMinutes());
        if (options.progress() && percent != lastPercent && percent % 2 == 0) {
          progress(percent, stepEnd);
          lastPercent = percent;
        }
      }
      if (options.progress()) {
        err.print("\r" + " ".repeat(72) + "\r");
        err.flush();
      }
      journal.flush();

      // ------------------------------------------------------------ gather the results
      DemoReportData d = new DemoReportData();
      d.brand = BRAND;
      d.seed = options.seed();
      d.from = from;
      d.to = to;
      d.mentions = desk.cases().mentionCount();
      List<CrisisCase> all = desk.cases().allCases();
      d.cases = all.size();
      for (int h = 0; h < hours; h++) {
        d.buckets.add(from.plus(Duration.ofHours(h)));
      }
      d.volume = volume;
      d.expected = expected(volume);
      d.negativeShare = new double[hours];
      for (int h = 0; h < hours; h++) {
        // over the last six hours, so a quiet night hour does not swing the line
        double v = 0;
        double n = 0;
        for (int k = Math.max(0, h - 5); k <= h; k++) {
          v += volume[k];
          n += negatives[k];
        }
        d.negativeShare[h] = v == 0 ? Double.NaN : n / v;
      }
      List<Incident> incidents = new ArrayList<>(desk.closedIncidents());
      desk.currentIncident().ifPresent(incidents::add);
      for (Incident i : incidents) {
        d.incidents.add(new DemoReportData.IncidentRow(i.id(), i.openedAt(), i.closedAt().orElse(i.updatedAt()),
            i.peakState().name(), i.peakSeverity(), i.explanation().sentence()));
      }
      d.days.addAll(days);
      for (CaseState s : new CaseState[] {CaseState.NEW, CaseState.ACKNOWLEDGED, CaseState.PRIVATE,
          CaseState.ESCALATED, CaseState.RESOLVED, CaseState.REOPENED, CaseState.NOT_ENGAGED}) {
        d.casesByStateOverTime.put(s.name(), statesOverTime.get(s));
      }
      Map<String, Map<String, Long>> byDept = new TreeMap<>();
      for (CrisisCase c : all) {
        byDept.computeIfAbsent(c.department().orElse("(none)"), k -> new TreeMap<>())
            .merge(c.state().name(), 1L, Long::sum);
      }
      d.casesByDepartmentAndState.putAll(byDept);

      // coverage comes from the same care report `./crisis report` prints, so the figures agree
      CareReport care = CareReport.fromJournal(journal, ReportOptions.between(from, to));
      double withinHour = firstResponsesWithinHour(all);
      double complaintsAnswered = coverage(care, Intent.COMPLAINT);
      double questionsAnswered = coverage(care, Intent.QUESTION);
      d.sla.add(new DemoReportData.SlaRow("first response within 60 min", withinHour, 0.9));
      d.sla.add(new DemoReportData.SlaRow("complaints answered", complaintsAnswered, 1.0));
      d.sla.add(new DemoReportData.SlaRow("questions answered", questionsAnswered, 0.7));
      for (CareReport.DepartmentLearning l : care.learning()) {
        d.learning.add(l.department() + ": " + l.negativeMentions() + " negative mentions; topics "
            + l.topics().stream().limit(3).map(c -> c.key() + " " + c.count()).collect(Collectors.joining(", "))
            + "; phrases " + l.phrases().stream().limit(3).map(c -> "\"" + c.key() + "\"").collect(Collectors.joining(", "))
            + (l.repeatComplainants().isEmpty() ? "" : "; repeat complainants " + l.repeatComplainants().size()));
      }
      Path html = dir.resolve("report.html").toAbsolutePath();
      HtmlReport.write(html, d);

      // ------------------------------------------------------------ print
      List<InjectedEvent> crises = sim.events().stream().filter(e -> e.kind().crisis()).toList();
      int detected = 0;
      out.printf(Locale.ROOT, "Crisis Kit demo: brand %s, %d weeks from %s, seed %d%n", BRAND, options.weeks(),
          from.toString().substring(0, 10), options.seed());
      out.printf(Locale.ROOT, "Replayed %d mentions through the pipeline into %d cases; %d agent actions.%n%n",
          d.mentions, d.cases, agents.actions);
      out.println("Injected events (ground truth) and what the detector raised:");
      for (InjectedEvent e : sim.events()) {
        Optional<DemoReportData.IncidentRow> hit = d.incidents.stream()
            .filter(i -> !i.start().isBefore(e.start().minus(Duration.ofHours(2))) && i.start().isBefore(e.end()))
            .filter(i -> rank(i.peakState()) >= rank("ALERT") || !e.kind().crisis())
            .findFirst();
        if (e.kind().crisis() && hit.isPresent()) {
          detected++;
        }
        out.printf(Locale.ROOT, "  %-16s %s → %s  %s%n", e.kind().jsonName(), TIME.format(e.start()), TIME.format(e.end()),
            hit.map(i -> "raised " + i.id() + " " + i.peakState() + " after "
                + Math.max(0, Duration.between(e.start(), i.start()).toMinutes()) + " min")
                .orElse(e.kind().crisis() ? "NOT RAISED" : "no incident above WATCH (as intended)"));
      }
      out.printf(Locale.ROOT, "%nIncidents (%d):%n", d.incidents.size());
      for (DemoReportData.IncidentRow i : d.incidents) {
        out.printf(Locale.ROOT, "  %-6s %s → %s  %-8s sev %2d  %s%n", i.id(), TIME.format(i.start()), TIME.format(i.end()),
            i.peakState(), i.severity(), i.sentence());
      }
      Map<CaseState, Long> byState = desk.cases().countByState();
      out.printf(Locale.ROOT, "%nCases by state: %s%n", byState.entrySet().stream().filter(e -> e.getValue() > 0)
          .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
      out.println("Cases by department:");
      byDept.forEach((dept, m) -> out.printf(Locale.ROOT, "  %-18s %5d  (%s)%n", dept,
          m.values().stream().mapToLong(Long::longValue).sum(),
          m.entrySet().stream().map(e -> e.getKey().toLowerCase(Locale.ROOT) + " " + e.getValue())
              .collect(Collectors.joining(", "))));
      out.printf(Locale.ROOT, "%nSLA compliance vs targets:%n");
      for (DemoReportData.SlaRow row : d.sla) {
        out.printf(Locale.ROOT, "  %-30s %5.1f%%  (target %s%.0f%%) %s%n", row.name(), 100 * row.value(),
            row.name().startsWith("questions") ? ">= " : "", 100 * row.target(), row.value() >= row.target() ? "met" : "MISSED");
      }
      out.printf(Locale.ROOT, "  SLA breaches journaled (all clocks: first response, private, resolution, follow-up): %d;%n  first response p50 %s, p90 %s%n", slaBreaches.size(),
          human(care.firstResponse().p50()), human(care.firstResponse().p90()));
      out.printf(Locale.ROOT, "%nLearning report (what each department should learn):%n");
      d.learning.forEach(l -> out.println("  " + l));
      out.printf(Locale.ROOT, "%nHTML report: %s%n", html);
      if (options.progress()) {
        err.printf(Locale.ROOT, "(finished in %.1f s)%n", (System.nanoTime() - started) / 1e9);
      }
      return new Result(d.mentions, d.cases, List.copyOf(d.incidents), byState, withinHour,
          complaintsAnswered, questionsAnswered, crises.size(), detected, html);
    }
  }

  private void progress(int percent, Instant at) {
    int width = 30;
    int filled = percent * width / 100;
    err.printf(Locale.ROOT, "\rreplaying [%s%s] %3d%%  %s", "#".repeat(filled), "-".repeat(width - filled), percent,
        TIME.format(at));
    err.flush();
  }

  private static int rank(String state) {
    switch (state) {
      case "WATCH":
        return 1;
      case "ALERT":
        return 2;
      case "CRISIS":
        return 3;
      default:
        return 0;
    }
  }

  /** The same hour over the previous seven days, averaged: what "normal" looked like. */
  static double[] expected(double[] volume) {
    double[] e = new double[volume.length];
    for (int h = 0; h < volume.length; h++) {
      double sum = 0;
      int n = 0;
      for (int d = 1; d <= 7; d++) {
        int k = h - 24 * d;
        if (k >= 0) {
          sum += volume[k];
          n++;
        }
      }
      e[h] = n == 0 ? Double.NaN : sum / n;
    }
    return e;
  }

  private static String human(Duration d) {
    return d.toMinutes() < 120 ? d.toMinutes() + " min" : String.format(Locale.ROOT, "%.1f h", d.toMinutes() / 60.0);
  }

  /** Share of complaints and questions first answered within 60 minutes (1 when there are none). */
  static double firstResponsesWithinHour(List<CrisisCase> cases) {
    long due = 0;
    long within = 0;
    for (CrisisCase c : cases) {
      if (c.intent().wantsAnswer()) {
        due++;
        if (c.firstResponseTime().map(t -> t.compareTo(Duration.ofMinutes(60)) <= 0).orElse(false)) {
          within++;
        }
      }
    }
    return due == 0 ? 1.0 : (double) within / due;
  }

  private static double coverage(CareReport care, Intent intent) {
    return care.coverage().stream().filter(c -> c.intent().equals(intent.jsonName())).findFirst()
        .map(CareReport.Coverage::share).orElse(1.0);
  }

  /**
   * The simulated team: agents answer the playbook's proposals after a realistic delay (median
   * about 18 minutes by day, 35 at night, now and then much longer), move complaints to private,
   * resolve them hours later, publish the outcome and follow up.
   */
  private static final class Agents {
    interface Scheduler {
      void at(Instant at, Runnable task);
    }

    private final CrisisDesk desk;
    private final SplittableRandom rnd;
    private final Scheduler scheduler;
    private final String[] names = {"agent:ana", "agent:luis", "agent:kim", "agent:sofia"};
    int actions;

    Agents(CrisisDesk desk, SplittableRandom rnd, Scheduler scheduler) {
      this.desk = desk;
      this.rnd = rnd;
      this.scheduler = scheduler;
    }

    private String agent(CaseId id) {
      return names[Math.floorMod(id.value().hashCode(), names.length)];
    }

    /**
     * Delay until an agent picks up work seen at {@code now}: median about 18 minutes by day, 35 at
     * night (a smaller night shift), and now and then an agent busy with something else.
     */
    private Instant pickUp(Instant now) {
      int hour = now.atZone(ZoneOffset.UTC).getHour();
      boolean night = hour < 7 || hour >= 23;
      double minutes = Math.exp(Math.log(night ? 35 : 18) + 0.6 * gaussian());
      if (rnd.nextDouble() < 0.04) {
        minutes += 60 + rnd.nextDouble() * 90;
      }
      return now.plus(Duration.ofSeconds((long) (minutes * 60)));
    }

    private double gaussian() {
      double u = Math.max(1e-12, rnd.nextDouble());
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    void onMention(IngestResult r, Instant now) {
      CaseId id = r.triage().caseId();
      NextAction next = r.triage().action();
      String draft = r.triage().draft().map(dr -> dr.text()).orElse("");
      CaseState state = r.caseAfter().state();
      if (state != CaseState.NEW && state != CaseState.REOPENED && state != CaseState.ESCALATED) {
        return;
      }
      switch (next) {
        case ACKNOWLEDGE:
          scheduler.at(pickUp(now), () -> acknowledge(id, draft));
          break;
        case THANK:
          scheduler.at(pickUp(now), () -> {
            act(desk.thank(id, agent(id), draft.isBlank() ? "Thank you! 💙" : draft));
            scheduler.at(desk.cases().clock().instant().plus(Duration.ofDays(1)),
                () -> act(desk.close(id, agent(id), "praise thanked")));
          });
          break;
        case ESCALATE:
          scheduler.at(pickUp(now).plus(Duration.ofMinutes(10)), () -> approveAndContinue(id));
          break;
        case DO_NOT_ENGAGE:
        case WATCH:
          scheduler.at(pickUp(now), () -> {
            CrisisCase c = desk.cases().find(id).orElseThrow();
            if (c.state() == CaseState.NEW) {
              act(desk.doNotEngage(id, agent(id), r.triage().reason()));
            }
          });
          break;
        default:
          scheduler.at(state == CaseState.REOPENED ? pickUp(now) : pickUp(now).plus(Duration.ofHours(2)), () -> {
            CrisisCase c = desk.cases().find(id).orElseThrow();
            if (c.state() == CaseState.NEW && !c.intent().wantsAnswer()) {
              act(desk.close(id, agent(id), "nothing to act on"));
            } else if (c.state() == CaseState.NEW || c.state() == CaseState.REOPENED) {
              acknowledge(id, "");
            }
          });
          break;
      }
    }

    private void approveAndContinue(CaseId id) {
      CrisisCase c = desk.cases().find(id).orElseThrow();
      if (c.state() == CaseState.ESCALATED || c.state() == CaseState.NEW || c.state() == CaseState.REOPENED) {
        acknowledge(id, "");
      }
    }

    private void acknowledge(CaseId id, String draft) {
      CrisisCase c = desk.cases().find(id).orElseThrow();
      if (!(c.state() == CaseState.NEW || c.state() == CaseState.REOPENED || c.state() == CaseState.ESCALATED)) {
        return;
      }
      boolean es = desk.cases().mentionsOf(id).stream().anyMatch(m -> m.mention().language().map("es"::equals).orElse(false));
      String text = !draft.isBlank() ? draft : es
          ? "Hola @" + c.authorHandle() + ", lamentamos lo ocurrido. Lo revisamos ahora y te escribimos por mensaje privado."
          : "Hi @" + c.authorHandle() + ", we're sorry about this. We're looking into it now and will follow up by DM.";
      ActionResult r = act(desk.acknowledge(id, agent(id), text));
      if (r.status() == ActionResult.Status.BLOCKED) {
        r = act(desk.acknowledge(id, agent(id), es
            ? "Lamentamos lo ocurrido, lo estamos revisando. Te escribimos por privado."
            : "Sorry about this, we're looking into it and will write to you privately."));
      }
      if (r.status() == ActionResult.Status.MANUAL_TASK) {
        r = act(desk.movePrivate(id, agent(id), PrivateChannel.EMAIL, "reply by e-mail to the customer's account address"));
      }
      if (r.status() == ActionResult.Status.AWAITING_APPROVAL) {
        // a manager reviews the queue a little later and approves the holding reply
        scheduler.at(desk.cases().clock().instant().plus(Duration.ofMinutes(10 + rnd.nextInt(25))), () ->
            desk.pendingApprovals().stream().filter(p -> p.caseId().equals(id)).findFirst().ifPresent(p -> {
              ActionResult a = act(desk.approve(p.id(), "manager:eva", Optional.empty()));
              continueAfterAcknowledgement(id, a, es);
            }));
        return;
      }
      continueAfterAcknowledgement(id, r, es);
    }

    private void continueAfterAcknowledgement(CaseId id, ActionResult r, boolean es) {
      Instant now = desk.cases().clock().instant();
      if (r.caseAfter().state() == CaseState.ACKNOWLEDGED) {
        scheduler.at(now.plus(Duration.ofMinutes(5 + rnd.nextInt(20))), () -> {
          ActionResult p = act(desk.movePrivate(id, agent(id), PrivateChannel.DIRECT_MESSAGE, es
              ? "Hola, ¿nos pasas tu número de pedido por aquí para revisarlo?"
              : "Hi, could you send us your order number here so we can check it?"));
          if (!p.done()) {
            act(desk.movePrivate(id, agent(id), PrivateChannel.PHONE, "call the customer back"));
          }
          scheduleResolution(id, es);
        });
      } else if (r.caseAfter().state() == CaseState.PRIVATE) {
        scheduleResolution(id, es);
      }
    }

    private void scheduleResolution(CaseId id, boolean es) {
      Instant now = desk.cases().clock().instant();
      scheduler.at(now.plus(Duration.ofMinutes(60 + rnd.nextInt(6 * 60))), () -> {
        CrisisCase c = desk.cases().find(id).orElseThrow();
        String topic = c.topics().stream().findFirst().orElse("general");
        act(desk.resolve(id, agent(id), "resolved (" + topic + "): " + (topic.equals("delivery")
            ? "parcel re-sent with express delivery" : topic.equals("billing") ? "duplicate charge refunded"
            : "issue fixed and explained to the customer")));
        scheduler.at(desk.cases().clock().instant().plus(Duration.ofMinutes(10)), () -> {
          act(desk.publishOutcome(id, agent(id), es
              ? "Ya está resuelto, gracias por tu paciencia. Cualquier cosa, aquí estamos."
              : "This is sorted now, thanks for your patience. We're here if you need anything."));
          scheduler.at(desk.cases().clock().instant().plus(desk.playbook().followUpDelay()), () -> {
            ActionResult f = act(desk.followUp(id, agent(id), es
                ? "Hola, ¿todo bien con tu pedido? Queremos asegurarnos de que quedó resuelto."
                : "Hi, is everything fine with your order now? We want to be sure it's sorted."));
            if (f.status() == ActionResult.Status.MANUAL_TASK) {
              // the network cannot reach the customer: the agent calls, then records the follow-up
              desk.cases().tryApply(CaseCommand.followUp(id, agent(id)));
            }
            act(desk.close(id, agent(id), "followed up"));
          });
        });
      });
    }

    private ActionResult act(ActionResult r) {
      actions++;
      return r;
    }
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
