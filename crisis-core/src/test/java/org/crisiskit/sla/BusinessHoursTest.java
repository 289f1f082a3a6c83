package org.crisiskit.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {
  private final BusinessHours madrid = BusinessHours.weekdays(ZoneId.of("Europe/Madrid"), LocalTime.of(9, 0), LocalTime.of(18, 0));

  @Test
  void fridayEveningRollsToMonday() {
    // Friday 2026-03-06 17:30 Madrid (UTC+1) = 16:30Z; one hour of business time → Monday 09:30 = 08:30Z
    assertEquals(Instant.parse("2026-03-09T08:30:00Z"),
        madrid.plus(Instant.parse("2026-03-06T16:30:00Z"), Duration.ofHours(1)));
  }

  @Test
  void nightStartsAtOpening() {
    assertEquals(Instant.parse("2026-03-03T09:00:00Z"),
        madrid.plus(Instant.parse("2026-03-02T23:00:00Z"), Duration.ofHours(1)));
  }

  @Test
  void daylightSavingIsFollowed() {
    // Madrid moves to UTC+2 on 2026-03-29: Monday 30 March 09:00 local is 07:00Z
    assertEquals(Instant.parse("2026-03-30T07:30:00Z"),
        madrid.plus(Instant.parse("2026-03-27T16:45:00Z"), Duration.ofMinutes(45)));
  }

  @Property(tries = 200)
  void betweenInvertsPlus(@ForAll @LongRange(min = 0, max = 60L * 24 * 30) long startMinutes,
      @ForAll @LongRange(min = 0, max = 60L * 24 * 5) long minutes) {
    Instant start = Instant.parse("2026-03-01T00:00:00Z").plus(Duration.ofMinutes(startMinutes));
    Instant end = madrid.plus(start, Duration.ofMinutes(minutes));
    assertEquals(Duration.ofMinutes(minutes), madrid.between(start, end));
  }
}
