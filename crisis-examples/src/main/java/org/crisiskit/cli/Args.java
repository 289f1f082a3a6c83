package org.crisiskit.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed command-line arguments: {@code --name value} options, {@code --flag} switches and positional
 * arguments. Every option must be consumed by the command, so a misspelt one is a usage error.
 */
final class Args {
  private final Map<String, String> options = new HashMap<>();
  private final Set<String> flags = new HashSet<>();
  private final List<String> positional = new ArrayList<>();
  private final Set<String> used = new HashSet<>();
  /** Options given last on the line without a value: an error once the command asks for one. */
  private final Set<String> missingValue = new HashSet<>();

  private Args() {}

  /**
   * Parses {@code argv}; {@code flagNames} lists the options that take no value.
   */
  static Args parse(List<String> argv, Set<String> flagNames) {
    Args a = new Args();
    for (int i = 0; i < argv.size(); i++) {
      String s = argv.get(i);
      if (s.startsWith("--") && s.length() > 2) {
        String name = s.substring(2);
        String value = null;
        int eq = name.indexOf('=');
        if (eq > 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        if (flagNames.contains(name)) {
          if (value != null) {
            throw new UsageException("--" + name + " takes no value");
          }
          a.flags.add(name);
          continue;
        }
        if (value == null) {
          if (i + 1 >= argv.size()) {
            a.missingValue.add(name);
            continue;
          }
          value = argv.get(++i);
        }
        if (a.options.put(name, value) != null) {
          throw new UsageException("--" + name + " given twice");
        }
      } else {
        a.positional.add(s);
      }
    }
    return a;
  }

  Optional<String> option(String name) {
    used.add(name);
    if (missingValue.contains(name)) {
      throw new UsageException("--" + name + " needs a value");
    }
    return Optional.ofNullable(options.get(name));
  }

  String required(String name) {
    return option(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
  }

  boolean flag(String name) {
    used.add(name);
    return flags.contains(name);
  }

  long longOption(String name, long dflt) {
    Optional<String> v = option(name);
    if (v.isEmpty()) {
      return dflt;
    }
    try {
      return Long.parseLong(v.get());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " expects a whole number but was '" + v.get() + "'");
    }
  }

  /** Parses durations such as {@code 60s}, {@code 5m}, {@code 2h}, {@code 1500ms} or ISO {@code PT1M}. */
  Optional<Duration> durationOption(String name) {
    return option(name).map(v -> parseDuration(name, v));
  }

  static Duration parseDuration(String name, String v) {
    Duration d = parseDurationOrNegative(name, v);
    if (d.isNegative()) {
      throw new UsageException("--" + name + " expects a duration such as 60s, 5m or 2h but was '" + v + "'");
    }
    return d;
  }

  private static Duration parseDurationOrNegative(String name, String v) {
    try {
      if (v.startsWith("P") || v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(java.util.Locale.ROOT));
      }
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      long n = Long.parseLong(v.substring(0, v.length() - 1));
      switch (v.charAt(v.length() - 1)) {
        case 's':
          return Duration.ofSeconds(n);
        case 'm':
          return Duration.ofMinutes(n);
        case 'h':
          return Duration.ofHours(n);
        case 'd':
          return Duration.ofDays(n);
        default:
          break;
      }
    } catch (RuntimeException e) {
      // fall through to the usage error
    }
    throw new UsageException("--" + name + " expects a duration such as 60s, 5m or 2h but was '" + v + "'");
  }

  List<String> positional() {
    return positional;
  }

  /** Throws a usage error when any positional argument was given (for commands that take none). */
  void checkNoPositional() {
    if (!positional.isEmpty()) {
      throw new UsageException("unexpected argument '" + positional.get(0) + "'");
    }
  }

  /** Throws a usage error if an option or flag was given that the command never asked for. */
  void checkAllUsed() {
    for (String name : missingValue) {
      if (!used.contains(name)) {
        throw new UsageException("unknown option --" + name);
      }
    }
    for (String name : options.keySet()) {
      if (!used.contains(name)) {
        throw new UsageException("unknown option --" + name);
      }
    }
    for (String name : flags) {
      if (!used.contains(name)) {
        throw new UsageException("unknown option --" + name);
      }
    }
  }
}
