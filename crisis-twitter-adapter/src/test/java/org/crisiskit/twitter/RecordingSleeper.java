package org.crisiskit.twitter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.crisiskit.spi.Sleeper;
import org.crisiskit.testing.FakeClock;

/** Records every requested wait and sleeps only a few real milliseconds instead. */
final class RecordingSleeper implements Sleeper {
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private final FakeClock clock;

  RecordingSleeper(FakeClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    waits.add(duration);
    if (clock != null) {
      clock.advance(duration);
    }
    Thread.sleep(5);
  }

  List<Duration> waits() {
    synchronized (waits) {
      return List.copyOf(waits);
    }
  }
}
