package org.crisiskit.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stored form of the id ranges polls still have to read. */
class GapsTest {
  @Test
  void parsesAndFormatsNewestFirstWithAnOpenBottom() {
    Gaps g = Gaps.parse("k", "*-15, 20-30");
    assertEquals("20-30,*-15", g.format());
    assertEquals(new Gaps.Gap(Optional.of("20"), "30"), g.newest().orElseThrow());
    assertTrue(g.containing("3").isPresent());
    assertTrue(g.containing("15").isEmpty(), "bounds are exclusive");
    assertTrue(g.containing("25").isPresent());
    assertEquals("", Gaps.parse("k", "").format());
  }

  @Test
  void dropsGapsReachingAboveTheCheckpoint() {
    Gaps g = Gaps.parse("k", "20-30,5-15");
    assertEquals("5-15", g.below(Optional.of("20")).format());
    assertEquals("20-30,5-15", g.below(Optional.of("30")).format());
    assertEquals("", g.below(Optional.empty()).format());
  }

  @Test
  void keepsAtMostMaxGapsGivingUpTheOldest() {
    Gaps g = Gaps.NONE;
    for (int i = 0; i <= Gaps.MAX; i++) {
      g = g.replace(Optional.empty(), List.of(new Gaps.Gap(Optional.of(Integer.toString(1000 + 2 * i)),
          Integer.toString(1001 + 2 * i))));
    }
    assertEquals(List.of(new Gaps.Gap(Optional.of("1000"), "1001")), g.excess());
    assertEquals(Gaps.MAX, g.trimmed().size());
  }

  @Test
  void rejectsAnythingElseNamingTheKeyAndTheForm() {
    for (String bad : List.of("12", "a-5", "5-5", "9-3", "1-2,,3-4", "-5")) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> Gaps.parse("x.gaps", bad));
      assertTrue(e.getMessage().contains("x.gaps") && e.getMessage().contains("lo-hi"), e.getMessage());
    }
  }
}
