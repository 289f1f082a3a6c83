package org.crisiskit.detect;

import java.time.Instant;
import java.time.format.TextStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseJournalFormat;
import org.crisiskit.cases.RecordedMention;
import org.crisiskit.classify.Classification;
import org.crisiskit.internal.Json;
import org.crisiskit.internal.JsonFields;
import org.crisiskit.journal.Journal;
import org.crisiskit.journal.JournalEntry;
import org.crisiskit.journal.JournalException;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionId;
import org.crisiskit.mention.MentionKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming crisis detector of one brand. Feed it every mention with its classification; it keeps
 * a seasonal baseline per cell (brand total, brand negatives, reach-weighted negatives, negatives per
 * topic), scores each closed time bucket, and maintains at most one open {@link Incident}, telling the
 * {@link IncidentListener} and the journal when it opens or changes.
 *
 * <pre>{@code
 * CrisisDetector detector = CrisisDetector.newBuilder()
 *     .brand("acme")
 *     .config(DetectorConfig.ofDefaults())
 *     .listener(incident -> System.out.println(incident.explanation().sentence()))
 *     .journal(journal)                     // optional: "incident" records
 *     .build();
 * detector.observe(mention, classifier.classify(mention));
 * detector.advanceTo(clock.instant());      // live use: lets silence be noticed
 * }</pre>
 *
 * <p>Time comes only from the mentions' {@code createdAt} (and {@link #advanceTo}), so a replay behaves
 * exactly like the live stream. Cost per mention is O(1) (a few hash look-ups and array adds, plus the
 * words of negative texts); memory is bounded by {@link DetectorConfig#maxCells()},
 * {@link DetectorConfig#dedupeCapacity()} and fixed-size tables for terms, authors and viral posts.
 *
 * <p>Out-of-order and duplicate input: mentions with equal timestamps are simply counted together. A
 * mention older than the open bucket is counted in the open bucket when it is at most
 * {@link DetectorConfig#allowedLateness()} late, and dropped (counted in {@link DetectorStats#lateDropped()})
 * otherwise. A mention whose id was seen among the last {@link DetectorConfig#dedupeCapacity()} is dropped
 * as a duplicate. A jump forward closes every bucket in between (silence is noticed), at most two weeks
 * of them; a longer gap restarts the bucket clock without scoring the gap. A mention more than
 * {@link DetectorConfig#maxForwardJump()} ahead of the open bucket is held, not counted: when the next
 * mention is back near the present, the held one is dropped (counted in
 * {@link DetectorStats#futureDropped()}), so one wrongly dated mention does not make every later one
 * late; when the next mention confirms the jump (it is as far ahead, within {@code maxForwardJump} of
 * the held one), both are counted and time moves there. {@link #advanceTo} settles a held mention: it
 * is counted when within {@code maxForwardJump} of the new time and dropped otherwise, so a live
 * desk's clock ticks drop a mention dated beyond now plus {@code maxForwardJump}.
 *
 * <p>Documented behaviour with the defaults, checked by property tests on stationary seasonal Poisson
 * noise (60 mentions an hour at the daily peak, 20% negative): at most 0.5 false ALERT incidents per
 * week; a step that multiplies the brand's negatives by 3 or more (with about 12 expected an hour)
 * reaches ALERT within 90 minutes. A WATCH alone is not an alarm: it says "look", it never pages.
 *
 * <p>Restarts: the state lives in memory only. With {@link Builder#journal} the detector journals its
 * incident snapshots and the moves of its time by {@link #advanceTo} ({@value #TIME_RECORD_TYPE});
 * with the mentions journaled by a {@link org.crisiskit.cases.CaseService} on the same journal (as
 * {@code CrisisDesk} does), {@link Builder#rebuildFrom} rebuilds after a restart the state an
 * uninterrupted detector would have, silently.
 *
 * <p>Not thread-safe: call from one thread or synchronise externally. The listener runs on that
 * thread, see {@link IncidentListener}.
 */
public final class CrisisDetector {
  /**
   * Journal record type written by {@link #advanceTo} when it moves the detector's time or settles a
   * mention held for being far ahead: {@code
   * {"brand": "acme", "until": "2026-11-02T09:15:00Z"}} (buckets before {@code until} are closed). A
   * rebuild moves time at the same point of the stream, so mentions that arrive late count the same.
   */
  public static final String TIME_RECORD_TYPE = "detector_time";

  private static final Logger LOG = LoggerFactory.getLogger(CrisisDetector.class);
  private static final int TOTAL = 0;
  private static final int NEGATIVE = 1;
  private static final int INFLUENCE = 2;
  private static final int MAX_TERMS = 4096;
  private static final int MAX_VIRAL = 2048;
  private static final int MAX_CASES = 1000;
  private static final int MAX_HISTORY = 1000;
  private static final long MAX_GAP_BUCKETS = 4032;
  private static final Set<String> STOP = Set.of("the", "and", "for", "with", "that", "this", "you", "your",
      "have", "has", "not", "but", "are", "was", "from", "they", "them", "what", "when", "just", "still",
      "que", "los", "las", "del", "por", "para", "con", "una", "uno", "pero", "como", "mas", "más", "este",
      "esta", "esto", "sus", "nos", "les", "son", "muy", "hay", "sin", "todo", "todos", "otra", "otro", "ya",
      "http", "https", "nada", "desde", "hace", "donde", "cuando", "porque", "about", "again", "been", "will",
      "would", "there", "their", "tengo", "hoy", "tras", "after", "before", "ever", "over", "días",
      "days", "hours", "horas");

  private final DetectorConfig cfg;
  private final IncidentListener listener;
  private final Journal journal;
  private final String brand;
  private final String brandWord;
  private final CellBank bank;
  private final long bucketMillis;
  /** {@link DetectorConfig#maxForwardJump()} in buckets: a mention further ahead is held. */
  private final long jumpBuckets;
  private final Map<String, Integer> topicCells = new HashMap<>();
  private final ArrayDeque<MentionId> recentIds = new ArrayDeque<>();
  private final Set<MentionId> recentIdSet = new HashSet<>();
  private final Map<String, double[]> terms = new HashMap<>();
  private final LinkedHashMap<String, Viral> viral = new LinkedHashMap<>(64, 0.75f, true);
  private final AuthorReach[] authors = new AuthorReach[5];
  private final List<Incident> history = new ArrayList<>();

  private long firstBucket = Long.MIN_VALUE;
  /** True while rebuilding from a journal: nothing is written or notified. */
  private boolean rebuilding;
  private long mentions;
  private long duplicates;
  private long lateDropped;
  private long futureDropped;
  /** A mention far ahead of the open bucket, waiting for the next one to confirm or refute the jump. */
  private Held held;
  private long incidentsOpened;
  private double normalNeg;
  private double normalTot;

  // the open incident
  private Open open;

  private CrisisDetector(Builder b) {
    this.cfg = b.config;
    this.listener = b.listener;
    this.journal = b.journal;
    this.brand = b.brand;
    this.brandWord = b.brand.toLowerCase(Locale.ROOT);
    this.bank = new CellBank(cfg);
    this.bucketMillis = bank.bucketMillis;
    this.jumpBuckets = cfg.maxForwardJump().toMillis() / bucketMillis;
    bank.add("total", -1, 1, 0);
    bank.add("negative", -1, 1, 0);
    bank.add("influence", -1, 1, 0);
  }

  /** A detector with the given configuration, brand {@code "brand"}, no listener and no journal. */
  public static CrisisDetector create(DetectorConfig config) {
    return newBuilder().config(config).build();
  }

  /** A builder with the defaults. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The configuration in use. */
  public DetectorConfig config() {
    return cfg;
  }

  /** Counts a mention. */
  public void observe(Mention mention, Classification classification) {
    observeInternal(mention, classification, null);
  }

  /** Counts a mention that belongs to a case; the case is linked to the incident it falls in. */
  public void observe(Mention mention, Classification classification, CaseId caseId) {
    Objects.requireNonNull(caseId, "caseId");
    observeInternal(mention, classification, caseId);
  }

  private void observeInternal(Mention m, Classification c, CaseId caseId) {
    Objects.requireNonNull(m, "mention");
    Objects.requireNonNull(c, "classification");
    count(m, c.negative(), c.topics(), caseId);
  }

  /**
   * Counts a mention from what the detector uses of its classification: whether negative, and its
   * topics; a mention far ahead of the open bucket is held first (see the class comment).
   */
  private void count(Mention m, boolean negative, Set<String> topics, CaseId caseId) {
    long b = Math.floorDiv(m.createdAt().toEpochMilli(), bucketMillis);
    if (held != null && held.mention.id().equals(m.id())) {
      duplicates++;
      return;
    }
    if (bank.bucket != Long.MIN_VALUE && b - bank.bucket > jumpBuckets) {
      if (cfg.dedupeCapacity() > 0 && recentIdSet.contains(m.id())) {
        duplicates++;
        return;
      }
      Held h = new Held(m, negative, topics, caseId, b);
      if (held == null) {
        held = h;
      } else if (Math.abs(b - held.bucket) <= jumpBuckets) {
        // two in a row agree: the data really jumped forward; counted in time order
        Held first = held.bucket <= b ? held : h;
        Held second = first == held ? h : held;
        held = null;
        countNow(first);
        countNow(second);
      } else {
        futureDropped++;
        held = h;
      }
      return;
    }
    if (held != null) {
      // back near the present: the held mention was wrongly dated
      futureDropped++;
      held = null;
    }
    countNow(m, negative, topics, caseId);
  }

  private void countNow(Held h) {
    countNow(h.mention, h.negative, h.topics, h.caseId);
  }

  private void countNow(Mention m, boolean negative, Set<String> topics, CaseId caseId) {
    if (cfg.dedupeCapacity() > 0) {
      if (!recentIdSet.add(m.id())) {
        duplicates++;
        return;
      }
      recentIds.addLast(m.id());
      if (recentIds.size() > cfg.dedupeCapacity()) {
        recentIdSet.remove(recentIds.removeFirst());
      }
    }
    long t = m.createdAt().toEpochMilli();
    long b = Math.floorDiv(t, bucketMillis);
    if (bank.bucket == Long.MIN_VALUE) {
      bank.bucket = b;
      firstBucket = b;
    } else if (b > bank.bucket) {
      closeUntil(b);
    } else if (b < bank.bucket && (bank.bucket - b) * bucketMillis > cfg.allowedLateness().toMillis()
        + bucketMillis) {
      lateDropped++;
      return;
    }
    mentions++;
    bank.record(TOTAL, 1);
    if (negative) {
      bank.record(NEGATIVE, 1);
      long followers = m.author().followers();
      // reach weight in [0, 1]: log followers, capped, so the weighted count never exceeds the count
      bank.record(INFLUENCE, Math.min(Math.log10(1.0 + followers), cfg.influenceCap()) / cfg.influenceCap());
      // in name order, so the cells a mention creates (and which topics miss out at maxCells) never
      // depend on a set's iteration order: a rebuild from the journal counts exactly like the live run
      for (String topic : topics.size() > 1 ? new TreeSet<>(topics) : topics) {
        int cell = topicCell(topic);
        if (cell >= 0) {
          bank.record(cell, 1);
        }
      }
      countTerms(m.text());
      if (m.kind() != MentionKind.REPOST) {
        rememberAuthor(m, t);
      }
    }
    trackVirality(m, negative, t);
    if (caseId != null && open != null && open.caseIds.size() < MAX_CASES) {
      open.caseIds.add(caseId.value());
    }
  }

  /**
   * Closes every bucket that ended at or before {@code now}; for live use, call it periodically with the
   * clock's time so that silence is noticed even when no mention arrives. Earlier times are ignored. A
   * mention held for being more than {@link DetectorConfig#maxForwardJump()} ahead is settled: counted
   * when within that of {@code now} (or of the detector's time, if later), dropped otherwise.
   */
  public void advanceTo(Instant now) {
    long b = Math.floorDiv(now.toEpochMilli(), bucketMillis);
    boolean moves = bank.bucket != Long.MIN_VALUE && b > bank.bucket;
    if (moves || held != null) {
      if (journal != null && !rebuilding) {
        // a mention that arrives after this, late, is counted in the open bucket, and a held mention
        // is settled here: a rebuild must move time at the same point to count them the same
        journal.append(TIME_RECORD_TYPE, Json.write(Json.object().put("brand", brand)
            .put("until", Instant.ofEpochMilli(b * bucketMillis).toString())));
      }
      if (moves) {
        closeUntil(b);
      }
      if (held != null) {
        Held h = held;
        held = null;
        if (h.bucket - b > jumpBuckets) {
          futureDropped++;
        } else {
          countNow(h);
        }
      }
    }
  }

  /** The open incident, if any. */
  public Optional<Incident> currentIncident() {
    return open == null ? Optional.empty() : Optional.of(open.last);
  }

  /** Closed incidents, oldest first (the last 1,000). */
  public List<Incident> closedIncidents() {
    return Collections.unmodifiableList(new ArrayList<>(history));
  }

  /** Counters. */
  public DetectorStats stats() {
    return new DetectorStats(mentions, duplicates, lateDropped, futureDropped, bank.size, incidentsOpened);
  }

  private int topicCell(String topic) {
    Integer i = topicCells.get(topic);
    if (i != null) {
      return i;
    }
    if (topicCells.size() >= cfg.maxCells()) {
      return -1;
    }
    // a new department starts from a fraction of the brand's negatives, not from zero
    int cell = bank.add(topic, NEGATIVE, 0.25, bank.bucket);
    topicCells.put(topic, cell);
    return cell;
  }

  private void countTerms(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && !Character.isLetter(text.charAt(i))) {
        if (text.charAt(i) == '@' || text.charAt(i) == '#' || text.startsWith("http", i)) {
          while (i < n && !Character.isWhitespace(text.charAt(i))) {
            i++;
          }
        } else {
          i++;
        }
      }
      int start = i;
      while (i < n && Character.isLetter(text.charAt(i))) {
        i++;
      }
      if (i - start >= 4) {
        String w = text.substring(start, i).toLowerCase(Locale.ROOT);
        if (!STOP.contains(w) && !w.equals(brandWord)) {
          double[] cnt = terms.get(w);
          if (cnt != null) {
            cnt[0]++;
          } else if (terms.size() < MAX_TERMS) {
            terms.put(w, new double[] {1});
          }
        }
      }
    }
  }

  private void rememberAuthor(Mention m, long t) {
    long followers = m.author().followers();
    String handle = m.author().handle();
    int weakest = -1;
    for (int i = 0; i < authors.length; i++) {
      AuthorReach a = authors[i];
      if (a != null && a.handle.equals(handle)) {
        a.followers = Math.max(a.followers, followers);
        a.lastSeen = t;
        return;
      }
      if (a == null || t - a.lastSeen > 2 * 3_600_000L) {
        weakest = i;
        break;
      }
      if (weakest < 0 || a.followers < authors[weakest].followers) {
        weakest = i;
      }
    }
    AuthorReach w = authors[weakest];
    if (w == null || t - w.lastSeen > 2 * 3_600_000L || w.followers < followers) {
      authors[weakest] = new AuthorReach(handle, followers, t);
    }
  }

  private void trackVirality(Mention m, boolean negative, long t) {
    boolean amplification = m.kind() == MentionKind.REPOST || m.kind() == MentionKind.QUOTE;
    if (!amplification && !negative) {
      return;
    }
    String root = amplification ? m.conversationId().orElse(m.inReplyToId().orElse(null)) : m.id().value();
    if (root == null) {
      return;
    }
    Viral v = viral.get(root);
    if (v == null) {
      if (!negative) {
        return;
      }
      v = new Viral(amplification ? m.network() + ":" + root : m.id().toString(),
          amplification ? "" : m.author().handle());
      viral.put(root, v);
      if (viral.size() > MAX_VIRAL) {
        Iterator<String> it = viral.keySet().iterator();
        it.next();
        it.remove();
      }
    }
    if (amplification) {
      v.bucketCount++;
      v.total++;
      v.reach += m.author().followers();
    } else {
      long amp = m.metrics().amplification();
      v.reported = Math.max(v.reported, amp);
    }
  }

  private void closeUntil(long b) {
    if (b - bank.bucket > MAX_GAP_BUCKETS) {
      bank.bucket = b - MAX_GAP_BUCKETS;
    }
    while (bank.bucket < b) {
      closeBucket(bank.bucket);
      bank.bucket++;
    }
  }

  private boolean warm(long b) {
    return (b - firstBucket + 1) * bucketMillis >= cfg.warmup().toMillis();
  }

  private void closeBucket(long b) {
    long endMillis = (b + 1) * bucketMillis;
    boolean frozen = open != null && endMillis - open.openedAt.toEpochMilli() < cfg.maxBaselineFreeze().toMillis();
    double tot = bank.count[TOTAL];
    double neg = bank.count[NEGATIVE];
    bank.close(b, !frozen);
    if (!frozen) {
      double w = Math.max(DetectorConfig.weight(cfg.levelHalfLife(), bucketMillis), 1.0 / (b - firstBucket + 1));
      normalNeg += w * (neg - normalNeg);
      normalTot += w * (tot - normalTot);
    }
    double minutes = bucketMillis / 60_000.0;
    for (Viral v : viral.values()) {
      v.rate = v.bucketCount / minutes;
      v.bucketCount = 0;
    }
    if (!warm(b)) {
      return;
    }
    evaluate(b, endMillis);
    if (open == null) {
      decayTerms();
    }
  }

  private void decayTerms() {
    Iterator<double[]> it = terms.values().iterator();
    while (it.hasNext()) {
      double[] c = it.next();
      c[0] *= 0.7;
      if (c[0] < 0.3) {
        it.remove();
      }
    }
  }

  private void evaluate(long b, long endMillis) {
    EnumSet<Signal> signals = EnumSet.noneOf(Signal.class);
    double negHour = bank.hourObserved(NEGATIVE);
    double negExp = bank.hourExpected(NEGATIVE);
    double totHour = bank.hourObserved(TOTAL);
    double totExp = bank.hourExpected(TOTAL);
    boolean material = negHour >= 5 && negHour >= cfg.minLift() * negExp;
    boolean negFires = bank.firing[NEGATIVE] && material;
    if (negFires) {
      signals.add(Signal.NEGATIVE_VOLUME);
    }
    if (bank.firing[INFLUENCE] && material) {
      signals.add(Signal.INFLUENCE);
    }
    double share = totHour > 0 ? negHour / totHour : 0;
    double normalShare = normalTot > 0 ? Math.min(1, normalNeg / normalTot) : 0;
    if (negHour >= 5 && share >= normalShare * cfg.minNegativeShareLift()
        && share >= normalShare + cfg.minNegativeShareIncrease()) {
      signals.add(Signal.NEGATIVE_SHARE);
    }
    int abnormal = 0;
    for (int cell : topicCells.values()) {
      if (bank.firing[cell] && bank.hourObserved(cell) >= 3) {
        abnormal++;
      }
    }
    boolean slowBurn = false;
    double historyDays = bank.base[NEGATIVE].historyDays(bucketMillis);
    if (historyDays >= 7) {
      for (int cell : topicCells.values()) {
        if (bank.base[cell].drift() >= cfg.driftRatio() && bank.hourObserved(cell) >= 3
            && bank.hourObserved(cell) >= bank.hourExpected(cell)) {
          slowBurn = true;
        }
      }
    }
    if (slowBurn) {
      signals.add(Signal.SLOW_BURN);
    }
    if (abnormal >= cfg.spreadDepartments()) {
      signals.add(Signal.SPREAD);
    }
    Viral top = null;
    for (Viral v : viral.values()) {
      if (top == null || v.rate > top.rate) {
        top = v;
      }
    }
    if (top != null && top.rate >= cfg.viralAmplificationPerMinute()) {
      signals.add(Signal.VIRALITY);
    }
    boolean silence = bank.lower[TOTAL] >= cfg.silenceThreshold() && totExp >= 12
        && totHour <= cfg.silenceRatio() * totExp;
    if (silence) {
      signals.add(Signal.SILENCE);
    }
    double zTot = bank.z[TOTAL];
    if (zTot >= cfg.volumeSpikeThreshold() || bank.zHour[TOTAL] >= cfg.volumeSpikeThreshold()) {
      signals.add(Signal.TOTAL_VOLUME);
    }

    boolean negative = signals.contains(Signal.NEGATIVE_VOLUME) || signals.contains(Signal.INFLUENCE);
    boolean shareUp = signals.contains(Signal.NEGATIVE_SHARE);
    int level = 0;
    if (negative || abnormal > 0 || slowBurn || signals.contains(Signal.TOTAL_VOLUME)) {
      level = 1;
    }
    if (((negative || slowBurn) && shareUp) || signals.contains(Signal.VIRALITY) || silence) {
      level = 2;
    }
    double lift = negHour / Math.max(1.0, negExp);
    int severity;
    if (silence && !negative) {
      severity = clamp(1 + (int) Math.round(2 * log2(Math.max(1, totExp) / Math.max(1, totHour))));
    } else {
      // size of the deviation, but never more than its significance allows (small counts stay mild)
      double significance = Math.max(0, bank.zHour[NEGATIVE]);
      severity = clamp((int) Math.round(Math.min(1 + 2 * log2(Math.max(1, lift)), 1 + significance))
          + Math.max(0, abnormal - 1)
          + (signals.contains(Signal.VIRALITY) ? 1 : 0)
          + (signals.contains(Signal.INFLUENCE) ? 1 : 0));
    }
    if (level == 2 && (signals.contains(Signal.SPREAD) || severity >= 7
        || (signals.contains(Signal.VIRALITY) && negative && shareUp))) {
      level = 3;
    }
    Instant end = Instant.ofEpochMilli(endMillis);
    if (level > 0) {
      if (open == null) {
        open = new Open(estimatedStart(b), end);
        incidentsOpened++;
      }
      open.lastFiring = endMillis;
      IncidentState target = level == 3 ? IncidentState.CRISIS : level == 2 ? IncidentState.ALERT : IncidentState.WATCH;
      IncidentState next = open.state == IncidentState.COOLING
          ? (target.rank() >= open.peak.rank() ? target : open.peak.rank() > 1 ? IncidentState.ALERT : target)
          : (target.rank() > open.state.rank() ? target : open.state);
      update(next, severity, signals, b, end, share, normalShare, false);
    } else if (open != null) {
      long quiet = endMillis - open.lastFiring;
      if (quiet >= cfg.closeAfter().toMillis()) {
        update(IncidentState.CLOSED, open.severity, signals, b, end, share, normalShare, true);
      } else if (quiet >= cfg.coolingAfter().toMillis() && open.state != IncidentState.COOLING) {
        update(IncidentState.COOLING, open.severity, signals, b, end, share, normalShare, false);
      }
    }
  }

  private Instant estimatedStart(long b) {
    long start = b;
    for (int i = 0; i < bank.size; i++) {
      if (bank.runStart[i] >= 0 && (i == NEGATIVE || i == INFLUENCE || i == TOTAL || topicCells.containsValue(i))
          && bank.firing[i]) {
        start = Math.min(start, bank.runStart[i]);
      }
    }
    return Instant.ofEpochMilli(start * bucketMillis);
  }

  private void update(IncidentState next, int severity, Set<Signal> signals, long b, Instant end, double share,
      double normalShare, boolean close) {
    Open o = open;
    boolean stateChanged = next != o.state;
    boolean severityChanged = severity != o.severity && next != IncidentState.COOLING;
    if (!stateChanged && !severityChanged) {
      return;
    }
    if (!stateChanged && end.toEpochMilli() - o.lastNotified < cfg.notifyMinInterval().toMillis()) {
      return;
    }
    if (next.rank() > o.peak.rank()) {
      o.peak = next;
    }
    if (next.rank() > 0) {
      o.severity = severity;
      o.peakSeverity = Math.max(o.peakSeverity, severity);
    }
    o.state = next;
    o.lastNotified = end.toEpochMilli();
    if (!signals.isEmpty() || o.explanation == null) {
      o.explanation = explain(b, signals, o, share, normalShare, next);
    }
    Incident snapshot = new Incident(o.id, brand, next, o.severity, o.peakSeverity, o.peak, o.openedAt, end,
        close ? end : null, new ArrayList<>(o.caseIds), o.explanation);
    o.last = snapshot;
    if (close) {
      open = null;
      history.add(snapshot);
      if (history.size() > MAX_HISTORY) {
        history.remove(0);
      }
      terms.clear();
    }
    if (rebuilding) {
      return;
    }
    if (journal != null) {
      journal.append(Incident.JOURNAL_TYPE, snapshot.toJson());
    }
    listener.onIncident(snapshot);
  }

  // ------------------------------------------------------------------ rebuild from a journal

  /**
   * Feeds the history in {@code history} without telling anyone, then makes the open incident the one
   * the journal last recorded as open. See {@link Builder#rebuildFrom(Journal)}.
   */
  private void rebuild(Journal history) {
    long startNanos = System.nanoTime();
    long[] counts = new long[2];
    Incident[] lastRecorded = new Incident[1];
    String[] lastPayload = new String[1];
    rebuilding = true;
    try {
      history.replay(e -> {
        switch (e.type()) {
          case CaseJournalFormat.MENTION:
            RecordedMention r = CaseJournalFormat.mention(e).orElseThrow();
            count(r.mention(), r.assessment().negative(), r.assessment().topics(), r.caseId());
            counts[0]++;
            break;
          case TIME_RECORD_TYPE:
            JsonNode n = parse(e);
            if (brand.equals(n.path("brand").asText())) {
              advanceTo(journalFields(e).requireInstant(n, "until", "$"));
            }
            break;
          case Incident.JOURNAL_TYPE:
            Incident i = Incident.fromJournal(parse(e), e.sequence());
            if (brand.equals(i.brand())) {
              // the record was written when the detector had reached at least this time
              advanceTo(i.updatedAt());
              lastRecorded[0] = i;
              lastPayload[0] = e.payload();
              counts[1]++;
            }
            break;
          default:
            break;
        }
      });
      reconcile(lastRecorded[0], lastPayload[0]);
    } finally {
      rebuilding = false;
    }
    LOG.info("crisis detector of {} rebuilt from {} journaled mentions and {} incident records in {} ms; open incident: {}",
        brand, counts[0], counts[1], (System.nanoTime() - startNanos) / 1_000_000,
        open == null ? "none" : open.id + " " + open.state);
  }

  /**
   * The journal says what was announced: the incident its last record shows open (if any) is the open
   * one. The replay normally agrees; it may not when records were lost in a crash or the configuration
   * changed since they were written.
   */
  private void reconcile(Incident recorded, String payload) {
    boolean recordedOpen = recorded != null && recorded.state() != IncidentState.CLOSED;
    // compared as written: a parsed snapshot does not write back identically (rounded numbers)
    if (open != null && recordedOpen && open.last.toJson().equals(payload)) {
      return;
    }
    if (open == null && !recordedOpen) {
      return;
    }
    LOG.warn("crisis detector of {}: the replay ends with {} but the journal last recorded {}; keeping the journal's",
        brand, open == null ? "no open incident" : open.last, recorded == null ? "no incident" : recorded);
    if (recordedOpen) {
      // the replay may have closed it where the record of the close was lost: open, not also closed
      history.removeIf(h -> h.id().equals(recorded.id()));
      open = new Open(recorded);
    } else if (recorded != null && open.id.equals(recorded.id())) {
      history.add(recorded);
      if (history.size() > MAX_HISTORY) {
        history.remove(0);
      }
      terms.clear();
      open = null;
    } else {
      open = null;
    }
  }

  private static JsonNode parse(JournalEntry e) {
    try {
      return Json.parse(e.payload());
    } catch (JsonProcessingException ex) {
      throw new JournalException("journal record " + e.sequence() + " (" + e.type() + ") is not JSON: "
          + ex.getOriginalMessage(), ex);
    }
  }

  private static JsonFields<JournalException> journalFields(JournalEntry e) {
    return new JsonFields<>((path, message) ->
        new JournalException("journal record " + e.sequence() + " (" + e.type() + "): " + path + " " + message));
  }

  private Explanation explain(long b, Set<Signal> signals, Open o, double share, double normalShare,
      IncidentState state) {
    boolean silence = signals.contains(Signal.SILENCE) && !signals.contains(Signal.NEGATIVE_VOLUME);
    int cell = silence ? TOTAL : signals.contains(Signal.NEGATIVE_VOLUME) || !signals.contains(Signal.INFLUENCE)
        ? NEGATIVE : INFLUENCE;
    if (signals.contains(Signal.TOTAL_VOLUME) && signals.size() == 1) {
      cell = TOTAL;
    }
    double observed = bank.hourObserved(cell);
    double expected = bank.hourExpected(cell);
    String statistic;
    double value;
    double threshold;
    String cellName = bank.names[cell];
    if (silence) {
      statistic = "lower-cusum(total)";
      value = bank.lower[TOTAL];
      threshold = cfg.silenceThreshold();
    } else if (bank.z[cell] >= cfg.spikeThreshold() && bank.cusum[cell] < cfg.cusumThreshold()) {
      statistic = "spike(" + cellName + ")";
      value = bank.z[cell];
      threshold = cfg.spikeThreshold();
    } else {
      statistic = "cusum(" + cellName + ")";
      value = bank.cusum[cell];
      threshold = cell == TOTAL ? cfg.volumeThreshold() : cfg.cusumThreshold();
    }
    // departments' share of the negative excess in the last hour
    Map<String, Double> excess = new LinkedHashMap<>();
    double sum = 0;
    for (Map.Entry<String, Integer> e : topicCells.entrySet()) {
      double ex = bank.hourObserved(e.getValue()) - bank.hourExpected(e.getValue());
      if (ex > 0.5) {
        excess.put(e.getKey(), ex);
        sum += ex;
      }
    }
    List<Map.Entry<String, Double>> sorted = new ArrayList<>(excess.entrySet());
    sorted.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
    Map<String, Double> shares = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : sorted) {
      shares.put(e.getKey(), e.getValue() / sum);
    }
    List<Map.Entry<String, double[]>> t = new ArrayList<>(terms.entrySet());
    t.sort((x, y) -> Double.compare(y.getValue()[0], x.getValue()[0]));
    List<String> topTerms = new ArrayList<>();
    for (int i = 0; i < Math.min(5, t.size()); i++) {
      topTerms.add(t.get(i).getKey());
    }
    List<AuthorReach> as = new ArrayList<>();
    for (AuthorReach a : authors) {
      if (a != null) {
        as.add(a);
      }
    }
    as.sort((x, y) -> Long.compare(y.followers, x.followers));
    List<String> topAuthors = new ArrayList<>();
    for (AuthorReach a : as) {
      topAuthors.add("@" + a.handle + " (" + a.followers + " followers)");
    }
    List<Viral> vs = new ArrayList<>();
    for (Viral v : viral.values()) {
      if (v.total + v.reported > 0) {
        vs.add(v);
      }
    }
    vs.sort((x, y) -> Double.compare(y.rate * 1000 + y.total, x.rate * 1000 + x.total));
    List<String> viralPosts = new ArrayList<>();
    for (int i = 0; i < Math.min(3, vs.size()); i++) {
      Viral v = vs.get(i);
      // Hawkes-style forecast: the current rate decays with a one-hour half-life
      long forecast = Math.round(Math.max(v.total, v.reported) + v.rate * 60 / Math.log(2));
      // reach: followers of the accounts that reposted so far, scaled to the forecast count
      long reach = v.total == 0 ? 0 : Math.round(v.reach * (double) forecast / v.total);
      viralPosts.add(String.format(Locale.ROOT,
          "%s%s: %.1f reposts/min, %d so far, forecast %d reposts reaching about %d followers", v.id,
          v.author.isEmpty() ? "" : " by @" + v.author, v.rate, Math.max(v.total, v.reported), forecast, reach));
    }
    long slotMillis = b * bucketMillis;
    Instant slotStart = Instant.ofEpochMilli(slotMillis);
    java.time.ZonedDateTime local = slotStart.atZone(cfg.zone());
    String slot = local.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT) + " "
        + String.format(Locale.ROOT, "%02d:00", local.getHour()) + " " + cfg.zone().getId();
    double history = bank.base[NEGATIVE].historyDays(bucketMillis);
    StringBuilder s = new StringBuilder();
    s.append(state).append(" (severity ").append(o.severity == 0 ? 1 : o.severity).append("): ");
    if (silence) {
      s.append(String.format(Locale.ROOT, "%.0f mentions in the last hour vs %.1f expected for %s", observed,
          expected, slot));
    } else {
      s.append(String.format(Locale.ROOT, "%.0f %s mentions in the last hour vs %.1f expected for %s", observed,
          cell == TOTAL ? "" : cell == INFLUENCE ? "reach-weighted negative" : "negative", expected, slot)
          .replace("  ", " "));
    }
    s.append(String.format(Locale.ROOT, " (lift %.1fx, %s %.1f >= %.1f), started about %s", observed
        / Math.max(1, expected), statistic, value, threshold, o.estimatedStart));
    if (!shares.isEmpty()) {
      s.append("; excess by department: ");
      int k = 0;
      for (Map.Entry<String, Double> e : shares.entrySet()) {
        if (k++ > 0) {
          s.append(", ");
        }
        s.append(e.getKey()).append(' ').append(Math.round(e.getValue() * 100)).append('%');
        if (k == 3) {
          break;
        }
      }
    }
    s.append(String.format(Locale.ROOT, "; negative share %.0f%% vs %.0f%% normal", share * 100, normalShare * 100));
    if (!topTerms.isEmpty()) {
      s.append("; top terms: ").append(String.join(", ", topTerms.subList(0, Math.min(3, topTerms.size()))));
    }
    if (!topAuthors.isEmpty()) {
      s.append("; top author ").append(topAuthors.get(0));
    }
    if (signals.contains(Signal.VIRALITY) && !viralPosts.isEmpty()) {
      s.append("; most viral ").append(viralPosts.get(0));
    }
    s.append(String.format(Locale.ROOT, "; baseline from %.1f days of history.", history));
    return new Explanation(slot, observed, expected, statistic, value, threshold, signals, o.estimatedStart,
        shares, topTerms, topAuthors, viralPosts, share, normalShare, history, s.toString());
  }

  private static int clamp(int severity) {
    return Math.max(1, Math.min(10, severity));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private final class Open {
    final String id;
    final Instant openedAt;
    final Instant estimatedStart;
    final LinkedHashSet<String> caseIds = new LinkedHashSet<>();
    IncidentState state = IncidentState.CLOSED;
    IncidentState peak = IncidentState.WATCH;
    int severity;
    int peakSeverity;
    long lastFiring;
    long lastNotified = Long.MIN_VALUE / 2;
    Explanation explanation;
    Incident last;

    Open(Instant estimatedStart, Instant openedAt) {
      this.estimatedStart = estimatedStart;
      this.openedAt = openedAt;
      this.id = brand + "-" + openedAt.toString().replace(":", "").replace("-", "");
    }

    /** The open incident of a journal record; it last fired when it was last updated (before cooling). */
    Open(Incident i) {
      this.id = i.id();
      this.openedAt = i.openedAt();
      this.estimatedStart = i.explanation().estimatedStart();
      for (String c : i.caseIds()) {
        if (caseIds.size() < MAX_CASES) {
          caseIds.add(c);
        }
      }
      this.state = i.state();
      this.peak = i.peakState();
      this.severity = i.severity();
      this.peakSeverity = i.peakSeverity();
      long updated = i.updatedAt().toEpochMilli();
      this.lastFiring = i.state() == IncidentState.COOLING ? updated - cfg.coolingAfter().toMillis() : updated;
      this.lastNotified = updated;
      this.explanation = i.explanation();
      this.last = i;
    }
  }

  private record Held(Mention mention, boolean negative, Set<String> topics, CaseId caseId, long bucket) {}

  private static final class Viral {
    final String id;
    final String author;
    double bucketCount;
    double rate;
    long total;
    long reported;
    long reach;

    Viral(String id, String author) {
      this.id = id;
      this.author = author;
    }
  }

  private static final class AuthorReach {
    final String handle;
    long followers;
    long lastSeen;

    AuthorReach(String handle, long followers, long lastSeen) {
      this.handle = handle;
      this.followers = followers;
      this.lastSeen = lastSeen;
    }
  }

  /** Builds {@link CrisisDetector}s. Not thread-safe. */
  public static final class Builder {
    private DetectorConfig config = DetectorConfig.ofDefaults();
    private IncidentListener listener = IncidentListener.NONE;
    private Journal journal;
    private Journal history;
    private String brand = "brand";

    private Builder() {}

    /** Sets the configuration (default {@link DetectorConfig#ofDefaults()}). */
    public Builder config(DetectorConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Sets the listener (default {@link IncidentListener#NONE}). */
    public Builder listener(IncidentListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Writes every incident snapshot to {@code journal} as a record of type {@value Incident#JOURNAL_TYPE}. */
    public Builder journal(Journal journal) {
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    /** Sets the brand name used in incident ids (default {@code "brand"}). */
    public Builder brand(String brand) {
      Objects.requireNonNull(brand, "brand");
      if (brand.isBlank()) {
        throw new IllegalArgumentException("brand must not be blank");
      }
      this.brand = brand;
      return this;
    }

    /**
     * Rebuilds the detector from {@code history} when it is built, so that a restart resumes where the
     * detector stopped. {@code build()} then feeds it, in journal order, every {@code mention} record
     * ({@link CaseJournalFormat#MENTION}, with the journaled negative flag, topics and case, as the
     * crisis desk fed them live), moves its time at every {@value CrisisDetector#TIME_RECORD_TYPE} and
     * {@value Incident#JOURNAL_TYPE} record of this brand, and finally makes the open incident the
     * one the journal last recorded as open (when the replay disagrees, after lost records or a changed
     * configuration, the journal wins; a warning is logged). The listener is not called and nothing
     * is written during the rebuild.
     *
     * <p>The whole journal is replayed: the baselines are exponentially weighted with no finite
     * memory, and warm-up, history length and learning rates count from the first bucket ever seen,
     * so no shorter window gives the same state. Cost is one more pass over the journal, mostly decoding
     * the mention records: about one second in a fresh JVM for the 14,655 mentions (186,388 records)
     * of {@code ./crisis demo}, next to about five for the rest of the desk's start.
     *
     * @throws org.crisiskit.journal.JournalException when a record cannot be read
     */
    public Builder rebuildFrom(Journal history) {
      this.history = Objects.requireNonNull(history, "history");
      return this;
    }

    /** Returns the detector, rebuilt from the history if one was given. */
    public CrisisDetector build() {
      CrisisDetector d = new CrisisDetector(this);
      if (history != null) {
        d.rebuild(history);
      }
      return d;
    }
  }
}
