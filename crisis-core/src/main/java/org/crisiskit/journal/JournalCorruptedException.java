package org.crisiskit.journal;

import java.nio.file.Path;

/**
 * A journal file holds a damaged record that is not a torn final write, so opening it would lose
 * data. Nothing was changed. Restore the file from a backup, or, knowing that later records are lost,
 * copy the file and truncate the copy at {@link #offset()}.
 */
public final class JournalCorruptedException extends JournalException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;
  private final long offset;

  public JournalCorruptedException(Path file, long offset, String reason) {
    super("journal " + file + " is corrupt at byte offset " + offset + ": " + reason);
    this.file = file;
    this.offset = offset;
  }

  /** The damaged file. */
  public Path file() {
    return file;
  }

  /** The byte offset of the damaged record. */
  public long offset() {
    return offset;
  }
}
