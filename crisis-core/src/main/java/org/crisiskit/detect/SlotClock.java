package org.crisiskit.detect;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/** Hour-of-day and day-of-week (Monday = 0) of an instant in a zone. Thread-safe. */
final class SlotClock {
  private final ZoneRules rules;
  private final boolean fixed;
  private final long fixedOffsetMillis;

  SlotClock(ZoneId zone) {
    this.rules = zone.getRules();
    this.fixed = rules.isFixedOffset();
    this.fixedOffsetMillis = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L : 0;
  }

  private long local(long millis) {
    if (fixed) {
      return millis + fixedOffsetMillis;
    }
    ZoneOffset o = rules.getOffset(Instant.ofEpochMilli(millis));
    return millis + o.getTotalSeconds() * 1000L;
  }

  int hourOfDay(long millis) {
    return (int) (Math.floorMod(local(millis), 86_400_000L) / 3_600_000L);
  }

  int dayOfWeek(long millis) {
    long days = Math.floorDiv(local(millis), 86_400_000L);
    return (int) Math.floorMod(days + 3, 7L);
  }
}
