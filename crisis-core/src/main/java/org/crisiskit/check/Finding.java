package org.crisiskit.check;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem a {@link MessageCheck} found in an outgoing message.
 *
 * @param check the check's name, for example {@code length} or {@code personal_data}
 * @param level blocking or warning
 * @param message what is wrong, in English, naming the offending text
 * @param start the offending span's first char index in the message text (inclusive)
 * @param end the span's end (exclusive); equal to {@code start} when the problem is the whole message
 *     or something missing
 * @param suggestion how to fix it, if there is a standard fix
 */
public record Finding(String check, Level level, String message, int start, int end, Optional<String> suggestion) {
  public Finding {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(suggestion, "suggestion");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  static Finding blocking(String check, String message, int start, int end, String suggestion) {
    return new Finding(check, Level.BLOCKING, message, start, end, Optional.ofNullable(suggestion));
  }

  static Finding warning(String check, String message, int start, int end, String suggestion) {
    return new Finding(check, Level.WARNING, message, start, end, Optional.ofNullable(suggestion));
  }

  /** True for {@link Level#BLOCKING}. */
  public boolean blocking() {
    return level == Level.BLOCKING;
  }

  @Override
  public String toString() {
    return level.name().toLowerCase(java.util.Locale.ROOT) + " " + check + " [" + start + "," + end + "): " + message
        + suggestion.map(s -> " (" + s + ")").orElse("");
  }
}
