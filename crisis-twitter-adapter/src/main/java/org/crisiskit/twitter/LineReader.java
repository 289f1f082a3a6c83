package org.crisiskit.twitter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code \n}- or {@code \r\n}-terminated lines. Unlike {@code BufferedReader}, a last line
 * without its terminator (the connection dropped mid-line) is not returned: it is reported by
 * {@link #droppedMidLine()}. Not thread-safe.
 */
final class LineReader {
  private final InputStream in;
  private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
  private boolean dropped;

  LineReader(InputStream in) {
    this.in = in;
  }

  /** The next complete line without its terminator, or null at the end of the stream. */
  String readLine() throws IOException {
    buf.reset();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        byte[] b = buf.toByteArray();
        int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
        return new String(b, 0, len, StandardCharsets.UTF_8);
      }
      buf.write(c);
    }
    dropped = buf.size() > 0;
    return null;
  }

  /** True when the stream ended in the middle of a line (that line was discarded). */
  boolean droppedMidLine() {
    return dropped;
  }
}
