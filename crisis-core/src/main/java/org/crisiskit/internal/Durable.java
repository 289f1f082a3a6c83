package org.crisiskit.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** File-system durability shared by the file journal and the file checkpoint store. */
public final class Durable {
  private static final Logger LOG = LoggerFactory.getLogger(Durable.class);

  private Durable() {}

  /**
   * Forces {@code dir}'s entries (a file created or renamed in it) to disk, where the platform
   * allows opening a directory; elsewhere a rename is as durable as the platform makes it, so a
   * failure is only logged.
   */
  public static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot sync directory {}: {}", dir, e.toString());
    }
  }
}
