package org.crisiskit.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crisiskit.journal.Journal;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionFixtures;
import org.crisiskit.mention.MentionId;
import org.crisiskit.testing.FakeClock;

class GroupingProperties {
  /** Mentions of 3 authors in 4 conversations over 4 days; ids may repeat (duplicates). */
  @Provide
  Arbitrary<List<Mention>> mentions() {
    Arbitrary<Mention> one = Combinators.combine(
            Arbitraries.integers().between(1, 40),
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 4),
            Arbitraries.longs().between(0, 4 * 24 * 60))
        .as((id, author, conv, minutes) -> MentionFixtures.mention(
            "m" + id, "a" + author, conv == 4 ? null : "a" + author + "c" + conv, minutes));
    return one.list().ofMaxSize(60);
  }

  @Provide
  Arbitrary<List<Steps.Step>> scripts() {
    return Steps.scripts(3, 60);
  }

  private static CaseService fresh() {
    return CaseService.newBuilder().journal(Journal.inMemory()).clock(new FakeClock(MentionFixtures.T0)).build();
  }

  @Property(tries = 150)
  void sameInputInTheSameOrderGivesIdenticalCases(@ForAll("scripts") List<Steps.Step> script) {
    CaseService a = fresh();
    CaseService b = fresh();
    int[] na = {0};
    int[] nb = {0};
    for (Steps.Step step : script) {
      Steps.run(a, step, na);
      Steps.run(b, step, nb);
    }
    assertEquals(a.allCases(), b.allCases());
  }

  @Property(tries = 150)
  void duplicatesNeverCreateASecondCase(@ForAll("mentions") List<Mention> mentions) {
    CaseService s = fresh();
    Map<MentionId, CaseId> firstCase = new HashMap<>();
    Map<MentionId, Mention> distinct = new LinkedHashMap<>();
    for (Mention m : mentions) {
      AcceptResult r = s.accept(m);
      CaseId before = firstCase.putIfAbsent(m.id(), r.caseId());
      assertEquals(before != null, r.duplicate(), m::toString);
      if (before != null) {
        assertEquals(before, r.caseId());
        assertTrue(!r.opened() && !r.reopened());
      }
      distinct.putIfAbsent(m.id(), m);
    }
    // every mention sits in exactly one case
    List<MentionId> held = new ArrayList<>();
    s.allCases().forEach(c -> held.addAll(c.mentions()));
    assertEquals(distinct.size(), held.size());
    assertEquals(distinct.keySet(), new java.util.HashSet<>(held));
    assertEquals(distinct.size(), s.mentionCount());
    // and the cases are exactly those of the input without its duplicates
    CaseService dedup = fresh();
    distinct.values().forEach(dedup::accept);
    assertEquals(dedup.allCases(), s.allCases());
  }
}
