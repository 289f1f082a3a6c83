package org.crisiskit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library version, read from the build. Not published API. */
public final class Version {
  /** For example {@code 0.1.0-SNAPSHOT}; {@code unknown} outside a Maven build. */
  public static final String VALUE = load();

  private Version() {}

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
