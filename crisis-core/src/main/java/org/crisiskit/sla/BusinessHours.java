package org.crisiskit.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The hours in which SLA clocks run, in one time zone: for example Monday to Friday 09:00–18:00 in
 * Europe/Madrid. A clock started on Friday at 17:30 with one hour to go is due on Monday at 09:30.
 * {@link #always()} runs clocks round the clock.
 *
 * <p>Immutable and thread-safe. Daylight-saving changes follow the zone's rules.
 */
public final class BusinessHours {
  private static final BusinessHours ALWAYS = new BusinessHours(ZoneOffset.UTC, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
      EnumSet.allOf(DayOfWeek.class));

  private final ZoneId zone;
  private final LocalTime open;
  private final LocalTime close;
  private final Set<DayOfWeek> days;

  private BusinessHours(ZoneId zone, LocalTime open, LocalTime close, Set<DayOfWeek> days) {
    this.zone = zone;
    this.open = open;
    this.close = close;
    this.days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
  }

  /** Every hour of every day. */
  public static BusinessHours always() {
    return ALWAYS;
  }

  /**
   * Open from {@code open} to {@code close} on {@code days} in {@code zone}.
   *
   * @throws IllegalArgumentException when {@code close} is not after {@code open} or no day is given
   */
  public static BusinessHours of(ZoneId zone, LocalTime open, LocalTime close, Set<DayOfWeek> days) {
    Objects.requireNonNull(zone, "zone");
    if (!close.isAfter(open)) {
      throw new IllegalArgumentException("close must be after open but was " + open + "–" + close);
    }
    if (days.isEmpty()) {
      throw new IllegalArgumentException("days must name at least one day");
    }
    return new BusinessHours(zone, open, close, days);
  }

  /** Monday to Friday, {@code open}–{@code close}, in {@code zone}. */
  public static BusinessHours weekdays(ZoneId zone, LocalTime open, LocalTime close) {
    return of(zone, open, close, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
  }

  public ZoneId zone() {
    return zone;
  }

  private boolean isAlways() {
    return this == ALWAYS;
  }

  /** The instant when {@code amount} of open time has passed since {@code start}. */
  public Instant plus(Instant start, Duration amount) {
    if (isAlways()) {
      return start.plus(amount);
    }
    Duration left = amount;
    Instant t = start;
    for (int guard = 0; guard < 100_000; guard++) {
      ZonedDateTime z = t.atZone(zone);
      Instant dayOpen = z.toLocalDate().atTime(open).atZone(zone).toInstant();
      Instant dayClose = z.toLocalDate().atTime(close).atZone(zone).toInstant();
      if (days.contains(z.getDayOfWeek()) && !t.isBefore(dayOpen) && t.isBefore(dayClose)) {
        Duration avail = Duration.between(t, dayClose);
        if (left.compareTo(avail) <= 0) {
          return t.plus(left);
        }
        left = left.minus(avail);
        t = nextOpen(z.toLocalDate().plusDays(1));
      } else if (days.contains(z.getDayOfWeek()) && t.isBefore(dayOpen)) {
        t = dayOpen;
      } else {
        t = nextOpen(z.toLocalDate().plusDays(1));
      }
      if (left.isZero()) {
        return t;
      }
    }
    throw new IllegalStateException("business hours never open");
  }

  private Instant nextOpen(LocalDate from) {
    LocalDate d = from;
    while (!days.contains(d.getDayOfWeek())) {
      d = d.plusDays(1);
    }
    return d.atTime(open).atZone(zone).toInstant();
  }

  /** The open time between {@code from} and {@code to}; zero when {@code to} is not after {@code from}. */
  public Duration between(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    if (isAlways()) {
      return Duration.between(from, to);
    }
    Duration sum = Duration.ZERO;
    LocalDate d = from.atZone(zone).toLocalDate();
    LocalDate last = to.atZone(zone).toLocalDate();
    while (!d.isAfter(last)) {
      if (days.contains(d.getDayOfWeek())) {
        Instant o = d.atTime(open).atZone(zone).toInstant();
        Instant c = d.atTime(close).atZone(zone).toInstant();
        Instant s = o.isAfter(from) ? o : from;
        Instant e = c.isBefore(to) ? c : to;
        if (e.isAfter(s)) {
          sum = sum.plus(Duration.between(s, e));
        }
      }
      d = d.plusDays(1);
    }
    return sum;
  }

  @Override
  public String toString() {
    return isAlways() ? "BusinessHours.always()" : "BusinessHours{" + days + " " + open + "–" + close + " " + zone + "}";
  }
}
